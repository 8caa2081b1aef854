package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.TrackedItem;
import cn.hanzhong.rectification.notification.event.AlertRaised;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes notices: each exactly once per item, kind, deadline and recipient (a unique key, not luck),
 * and in per-recipient commit order (an advisory lock per recipient), so the live stream can follow
 * ids without gaps. Alerts also go to {@code rectification.alerts} through the outbox, once.
 */
@ApplicationScoped
public class Notices {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final EntityManager em;
    private final Outbox outbox;
    private final Webhooks webhooks;

    public Notices(EntityManager em, Outbox outbox, Webhooks webhooks) {
        this.em = em;
        this.outbox = outbox;
        this.webhooks = webhooks;
    }

    /** Sends {@code kind} about {@code item} to each recipient; returns how many notices were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int send(TrackedItem item, NoticeKind kind, List<String> recipients, String body, String cause) {
        int inserted = 0;
        for (String recipient : recipients.stream().distinct().toList()) {
            // One round trip: take the recipient's lock (ids commit in order), then insert unless present.
            inserted += em.createNativeQuery("""
                            insert into notification (recipient, kind, item_kind, item_id, item_code, title, body, deadline,
                                                      dedup_key, created_at)
                            select :recipient, :kind, :itemKind, :itemId, :code, :title, :body, :deadline, :key, :at
                            from (select pg_advisory_xact_lock(hashtext(:recipient))) as locked
                            on conflict (dedup_key) do nothing""")
                    .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL)
                    .setParameter("recipient", recipient)
                    .setParameter("kind", kind.name())
                    .setParameter("itemKind", item.kind.name())
                    .setParameter("itemId", item.id)
                    .setParameter("code", item.code)
                    .setParameter("title", item.title != null ? item.title : item.code)
                    .setParameter("body", body)
                    .setParameter("deadline", item.deadline)
                    .setParameter("key", kind.name() + ":" + item.id + ":" + cause + ":" + recipient)
                    .setParameter("at", OffsetDateTime.now(ZONE))
                    .executeUpdate();
        }
        if (inserted > 0) {
            webhooks.enqueue(item, kind, recipients, body, cause);
        }
        if (kind.isAlert() && inserted > 0) {
            outbox.publish(AlertRaised.TOPIC, AlertRaised.TYPE, item.id.toString(), new AlertRaised(kind.name(),
                    item.kind.name(), item.id, item.code, item.title, item.deadline, recipients));
        }
        return inserted;
    }

    /** The cause part of a dedup key for deadline-bound alerts: the deadline itself. */
    static String deadlineCause(LocalDate deadline) {
        return String.valueOf(deadline);
    }
}
