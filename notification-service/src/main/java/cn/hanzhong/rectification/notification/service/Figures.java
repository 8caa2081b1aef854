package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The owners' latest published figures ({@code *.stats-published}), one per source: a publication
 * older than the one kept (a second instance, a replay) changes nothing.
 */
@ApplicationScoped
public class Figures {

    /** Whose figures. */
    public enum Source { ISSUES, PETITIONS, ACCOUNTABILITY }

    private final EntityManager em;
    private final ObjectMapper json;
    private final ProgrammeClock clock;

    public Figures(EntityManager em, ObjectMapper json, ProgrammeClock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps {@code data} as the figures of {@code source} unless newer ones are kept already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Source source, JsonNode data) {
        OffsetDateTime asOf;
        try {
            asOf = OffsetDateTime.parse(data.path("asOf").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("figures without a valid asOf: " + data.path("asOf"), e);
        }
        em.createNativeQuery("""
                        insert into figures_snapshot (source, as_of, data, received_at)
                        values (:source, :asOf, cast(:data as jsonb), :now)
                        on conflict (source) do update set as_of = excluded.as_of, data = excluded.data,
                                                           received_at = excluded.received_at
                        where figures_snapshot.as_of < excluded.as_of""")
                .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL)
                .setParameter("source", source.name())
                .setParameter("asOf", asOf)
                .setParameter("data", data.toString())
                .setParameter("now", clock.now())
                .executeUpdate();
    }

    /** The latest figures of {@code source}, read as {@code type}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> Optional<T> latest(Source source, Class<T> type) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select cast(data as text) from figures_snapshot where source = :source")
                .setParameter("source", source.name()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue((String) rows.get(0), type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored figures of " + source + " do not read", e);
        }
    }
}
