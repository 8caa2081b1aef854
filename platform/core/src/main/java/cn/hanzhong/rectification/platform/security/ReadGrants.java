package cn.hanzhong.rectification.platform.security;

import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to single records granted by records of another service: an accountability case names
 * issues and petitions, and the discipline body ({@link Roles#DISCIPLINE}), which may read the case,
 * may then read those records and nothing else. A grantor (e.g. {@code accountability-case:<id>})
 * replaces its whole list at each event, so a record removed from a case is no longer readable.
 * Every read through a grant, and every refused attempt, is audited.
 */
@ApplicationScoped
public class ReadGrants {

    public static final String ALLOWED = "ALLOWED";
    public static final String DENIED = "DENIED";

    /** One audited read. */
    @Schema(name = "ReadAudit", description = "A read by the discipline body of a record named by an accountability case")
    public record Audit(long id, OffsetDateTime at, String actor, String actorName, String actorRoles, UUID itemId,
                        @Schema(description = "What granted the read, e.g. accountability-case:<id>; null when refused")
                        String grantor,
                        @Schema(enumeration = {ALLOWED, DENIED}) String outcome) {
    }

    private final EntityManager em;
    private final CurrentUser user;
    private final ProgrammeClock clock;

    public ReadGrants(EntityManager em, CurrentUser user, ProgrammeClock clock) {
        this.em = em;
        this.user = user;
        this.clock = clock;
    }

    /** {@code grantor} now grants exactly {@code items} (in the caller's transaction). */
    public void replace(String grantor, Collection<UUID> items) {
        em.createNativeQuery("delete from read_grant where grantor = :g").setParameter("g", grantor).executeUpdate();
        for (UUID item : items) {
            em.createNativeQuery("insert into read_grant (item_id, grantor) values (:i, :g) on conflict do nothing")
                    .setParameter("i", item).setParameter("g", grantor).executeUpdate();
        }
    }

    /**
     * Whether the caller may read {@code item} through a grant; the answer is audited either way, in a
     * transaction of its own so that a refusal is recorded although the request then fails.
     */
    public boolean admits(UUID item) {
        @SuppressWarnings("unchecked")
        List<String> grantors = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                "select grantor from read_grant where item_id = :i order by grantor limit 1")
                .setParameter("i", item).getResultList());
        String grantor = grantors.isEmpty() ? null : grantors.get(0);
        String actor = user.subject();
        String name = user.name();
        String roles = String.join(",", user.roles().stream().sorted().toList());
        Instant at = clock.now().toInstant();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into read_audit (at, actor, actor_name, actor_roles, item_id, grantor, outcome)
                values (:at, :actor, :name, :roles, :item, :grantor, :outcome)""")
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("actor", actor).setParameter("name", name)
                .setParameter("roles", roles).setParameter("item", item).setParameter("grantor", grantor)
                .setParameter("outcome", grantor == null ? DENIED : ALLOWED).executeUpdate());
        return grantor != null;
    }

    /** The audit, newest first, optionally of one record. */
    public Page<Audit> audits(Optional<UUID> item, PageRequest page) {
        String where = item.isPresent() ? " where item_id = :item" : "";
        var count = em.createNativeQuery("select count(*) from read_audit" + where);
        var rows = em.createNativeQuery("select id, at, actor, actor_name, actor_roles, item_id, grantor, outcome from read_audit"
                + where + " order by id desc limit :limit offset :offset");
        item.ifPresent(i -> {
            count.setParameter("item", i);
            rows.setParameter("item", i);
        });
        rows.setParameter("limit", page.size()).setParameter("offset", (long) page.page() * page.size());
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        List<Audit> audits = found.stream().map(r -> new Audit(((Number) r[0]).longValue(), offsetDateTime(r[1]),
                (String) r[2], (String) r[3], (String) r[4], (UUID) r[5], (String) r[6], (String) r[7])).toList();
        return Page.of(audits, page, ((Number) count.getSingleResult()).longValue());
    }

    private OffsetDateTime offsetDateTime(Object value) {
        Instant instant = value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
        return instant.atZone(ProgrammeClock.ZONE).toOffsetDateTime();
    }
}
