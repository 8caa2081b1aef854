package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.domain.WebhookSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The active webhook subscriptions, read once and kept until a subscription changes: on this
 * instance right after the commit, on the others through {@code NOTIFY webhook_subscriptions}
 * ({@link NoticeListener}); a short time-to-live is the safety net.
 */
@ApplicationScoped
public class SubscriptionCache {

    /** The PostgreSQL channel that tells every instance a subscription changed. */
    public static final String CHANNEL = "webhook_subscriptions";
    private static final Duration TTL = Duration.ofSeconds(60);

    /** What enqueuing needs of a subscription. */
    public record Active(UUID id, String ownerRole, String ownerUnit, boolean approved, Set<String> kinds) {
    }

    private final EntityManager em;
    private final AtomicLong generation = new AtomicLong();
    private volatile List<Active> active;
    private volatile long loadedAt;

    public SubscriptionCache(EntityManager em) {
        this.em = em;
    }

    /** Within a transaction: the active subscriptions, from the cache. */
    public List<Active> active() {
        List<Active> a = active;
        if (a == null || System.nanoTime() - loadedAt > TTL.toNanos()) {
            long started = System.nanoTime();
            long gen = generation.get();
            @SuppressWarnings("unchecked")
            List<WebhookSubscription> rows = em.createNativeQuery("select * from webhook_subscription where active",
                    WebhookSubscription.class).unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL).getResultList();
            a = rows.stream().map(s -> new Active(s.id, s.ownerRole, s.ownerUnit, s.approved, Set.copyOf(s.kinds))).toList();
            rows.forEach(em::detach);
            if (generation.get() == gen) { // not invalidated while loading
                active = a;
                loadedAt = started;
            }
        }
        return a;
    }

    public void invalidate() {
        generation.incrementAndGet();
        active = null;
    }
}
