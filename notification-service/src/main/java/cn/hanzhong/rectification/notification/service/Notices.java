package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.TrackedItem;
import cn.hanzhong.rectification.notification.domain.Visibility;
import cn.hanzhong.rectification.notification.event.AlertRaised;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.privacy.Masking;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes notices: each exactly once per item, kind (with its stage), cause and recipient (a unique
 * key, not luck), addressed by {@link Visibility}, and in per-recipient commit order (an advisory
 * lock per recipient), so the live stream can follow ids without gaps. Each commit that added a
 * notice wakes the streams of its recipients on every instance ({@code NOTIFY notice_created}).
 * Alerts also go to {@code rectification.alerts} through the outbox, once.
 */
@ApplicationScoped
public class Notices {

    /** The PostgreSQL channel that wakes live streams; the payload is the recipient. */
    public static final String CHANNEL = "notice_created";
    private static final String NOTIFIED = Notices.class.getName() + ".notified";

    private final EntityManager em;
    private final Outbox outbox;
    private final Webhooks webhooks;
    private final ProgrammeClock clock;
    private final TransactionSynchronizationRegistry transactions;

    public Notices(EntityManager em, Outbox outbox, Webhooks webhooks, ProgrammeClock clock,
                   TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** A notice to write: kind and stage, the fixed body, the free-text detail (pseudonymised here), the cause of its key. */
    public record Notice(NoticeKind kind, Integer stage, String body, String detail, String cause) {
        public static Notice of(NoticeKind kind, String body, String cause) {
            return new Notice(kind, null, body, null, cause);
        }

        public Notice withDetail(String text) {
            return new Notice(kind, stage, body, text, cause);
        }
    }

    /** Sends the notice about {@code item} to its audience; returns how many notices were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int send(TrackedItem item, Notice notice) {
        List<String> recipients = Visibility.recipients(notice.kind(), item).stream().distinct().toList();
        String detail = notice.detail() == null || notice.detail().isBlank() ? null
                : Masking.pseudonymise(notice.detail().strip(), List.of());
        String code = notice.kind().code(notice.stage());
        int inserted = 0;
        for (String recipient : recipients) {
            // One round trip: take the recipient's lock (ids commit in order), then insert unless present.
            int added = em.createNativeQuery("""
                            insert into notification (recipient, kind, stage, item_kind, item_id, item_code, title, body, detail,
                                                      deadline, deadline_provisional, dedup_key, created_at, trace_id)
                            select :recipient, :kind, :stage, :itemKind, :itemId, :code, :title, :body, :detail, :deadline,
                                   :provisional, :key, :at, :trace
                            from (select pg_advisory_xact_lock(hashtext(:recipient))) as locked
                            on conflict (dedup_key) do nothing""")
                    .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL)
                    .setParameter("recipient", recipient)
                    .setParameter("kind", notice.kind().name())
                    .setParameter("stage", notice.stage(), Integer.class)
                    .setParameter("itemKind", item.kind.name())
                    .setParameter("itemId", item.id)
                    .setParameter("code", item.code)
                    .setParameter("title", item.title != null ? item.title : item.code)
                    .setParameter("body", notice.body())
                    .setParameter("detail", detail, String.class)
                    .setParameter("deadline", item.deadline, LocalDate.class)
                    .setParameter("provisional", item.deadlineProvisional)
                    .setParameter("key", code + ":" + item.id + ":" + notice.cause() + ":" + recipient)
                    .setParameter("at", clock.now())
                    .setParameter("trace", cn.hanzhong.rectification.platform.tracing.Tracing.currentTraceId(), String.class)
                    .executeUpdate();
            if (added > 0) {
                wakeStreamsOf(recipient);
            }
            inserted += added;
        }
        if (inserted > 0) {
            webhooks.enqueue(item, notice, detail, recipients);
        }
        if (notice.kind().isAlert() && inserted > 0) {
            outbox.publish(AlertRaised.TOPIC, AlertRaised.TYPE, item.id.toString(), new AlertRaised(code,
                    item.kind.name(), item.id, item.code, item.title, item.deadline, recipients));
        }
        return inserted;
    }

    /** Delivered by PostgreSQL when the transaction commits; once per recipient and transaction. */
    private void wakeStreamsOf(String recipient) {
        @SuppressWarnings("unchecked")
        Set<String> notified = (Set<String>) transactions.getResource(NOTIFIED);
        if (notified == null) {
            notified = new HashSet<>();
            transactions.putResource(NOTIFIED, notified);
        }
        if (notified.add(recipient)) {
            em.createNativeQuery("select pg_notify('" + CHANNEL + "', :r)").unwrap(NativeQuery.class)
                    .setHibernateFlushMode(FlushMode.MANUAL).setParameter("r", recipient).getSingleResult();
        }
    }

    /** The cause part of a dedup key for deadline-bound alerts: the deadline itself. */
    static String deadlineCause(LocalDate deadline) {
        return String.valueOf(deadline);
    }
}
