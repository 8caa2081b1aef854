package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.config.NotificationConfig;
import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.TrackedItem;
import cn.hanzhong.rectification.notification.domain.Visibility;
import cn.hanzhong.rectification.notification.domain.WebhookDelivery;
import cn.hanzhong.rectification.notification.domain.WebhookSubscription;
import cn.hanzhong.rectification.notification.repository.WebhookDeliveryRepository;
import cn.hanzhong.rectification.notification.repository.WebhookSubscriptionRepository;
import cn.hanzhong.rectification.notification.webhook.SafeTargets;
import cn.hanzhong.rectification.notification.webhook.StandardWebhooks;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Webhook subscriptions (each belongs to its creator: {@code sub}, role, unit), the delivery log,
 * and enqueuing notices for delivery to the subscriptions that may receive them ({@link Visibility}).
 * Enqueuing only writes rows, in the consumer's transaction; {@link WebhookDispatcher} sends them
 * outside any transaction.
 */
@ApplicationScoped
@Transactional
public class Webhooks {

    /** A subscription just created, with its secret (shown this once). */
    public record Created(WebhookSubscription subscription, String secret) {
    }

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final SubscriptionCache cache;
    private final WebhookSecrets secrets;
    private final NotificationConfig config;
    private final CurrentUser user;
    private final ObjectMapper mapper;
    private final ProgrammeClock clock;
    private final TransactionSynchronizationRegistry transactions;

    public Webhooks(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries, SubscriptionCache cache,
                    WebhookSecrets secrets, NotificationConfig config, CurrentUser user, ObjectMapper mapper,
                    ProgrammeClock clock, TransactionSynchronizationRegistry transactions) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.cache = cache;
        this.secrets = secrets;
        this.config = config;
        this.user = user;
        this.mapper = mapper;
        this.clock = clock;
        this.transactions = transactions;
    }

    public Created subscribe(String targetUrl, Set<NoticeKind> kinds) {
        SafeTargets.refusal(targetUrl, config.webhooks().allowedHosts()).ifPresent(why -> {
            throw new InvalidInputException("targetUrl", why);
        });
        String role = ownerRole();
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.targetUrl = targetUrl.strip();
        s.kinds = new ArrayList<>(kinds.stream().map(Enum::name).sorted().toList());
        String secret = StandardWebhooks.newSecret();
        s.secretStored = secrets.seal(secret);
        s.ownerRole = role;
        s.ownerUnit = Roles.UNIT.equals(role) ? user.unit().orElseThrow(() ->
                new io.quarkus.security.ForbiddenException("A unit token without a unit claim cannot subscribe")) : null;
        s.approved = !Roles.LEADER.equals(role);
        s.createdBy = user.subject();
        s.createdAt = clock.now();
        if (!s.approved) {
            s.disabledReason = "awaiting the office's approval";
        }
        subscriptions.persist(s);
        changed();
        return new Created(s, secret);
    }

    /** The role a new subscription is scoped by: the widest the caller holds. */
    private String ownerRole() {
        for (String role : List.of(Roles.OFFICE, Roles.PROVINCE, Roles.DISCIPLINE, Roles.LEADER, Roles.UNIT)) {
            if (user.hasRole(role)) {
                return role;
            }
        }
        throw new io.quarkus.security.ForbiddenException("No role that may subscribe");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookSubscription> list(PageRequest request) {
        return user.hasRole(Roles.OFFICE)
                ? Page.of(subscriptions.findAll(request.panacheSort()), request, Function.identity())
                : Page.of(subscriptions.find("createdBy", request.panacheSort(), user.subject()), request, Function.identity());
    }

    /** The caller's subscription (the office may see every one); others are "not found". */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookSubscription get(UUID id) {
        return subscriptions.findByIdOptional(id)
                .filter(s -> user.hasRole(Roles.OFFICE) || s.createdBy.equals(user.subject()))
                .orElseThrow(() -> new ResourceNotFoundException("Webhook subscription", id));
    }

    public WebhookSubscription deactivate(UUID id) {
        WebhookSubscription s = get(id);
        s.active = false;
        s.disabledReason = "deactivated by " + user.subject();
        changed();
        return s;
    }

    /** The office approves a leader's subscription, which then receives notices. */
    public WebhookSubscription approve(UUID id) {
        WebhookSubscription s = get(id);
        if (!s.active) {
            throw new IllegalTransitionException("APPROVE", "INACTIVE", List.of());
        }
        s.approved = true;
        s.disabledReason = null;
        changed();
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookDelivery> deliveries(UUID subscriptionId, PageRequest request) {
        get(subscriptionId);
        return Page.of(deliveries.find("subscriptionId", request.panacheSort(), subscriptionId), request, Function.identity());
    }

    /** Sends a delivery again soon, with the same webhook-id. */
    public WebhookDelivery redeliver(UUID subscriptionId, UUID deliveryId) {
        WebhookSubscription s = get(subscriptionId);
        if (!s.active) {
            throw new IllegalTransitionException("REDELIVER", "INACTIVE", List.of());
        }
        WebhookDelivery d = deliveries.findByIdOptional(deliveryId).filter(x -> x.subscriptionId.equals(subscriptionId))
                .orElseThrow(() -> new ResourceNotFoundException("Webhook delivery", deliveryId));
        if (d.status == WebhookDelivery.Status.SENDING) {
            throw new IllegalTransitionException("REDELIVER", "SENDING", List.of());
        }
        d.status = WebhookDelivery.Status.PENDING;
        d.nextAttemptAt = clock.now();
        d.createdAt = clock.now(); // a fresh retry window
        return d;
    }

    /** The secret of a subscription, for signing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WebhookSubscription> find(UUID id) {
        return subscriptions.findByIdOptional(id);
    }

    /** A receiver answered 410 Gone: the subscription is disabled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disableGone(UUID id) {
        subscriptions.findByIdOptional(id).ifPresent(s -> {
            s.active = false;
            s.disabledReason = "target answered 410 Gone";
            changed();
        });
    }

    String secretOf(WebhookSubscription s) {
        return secrets.open(s.secretStored);
    }

    /**
     * Queues a notice for every active subscription that wants its kind and may receive it (once per
     * subscription and notice). A subscription whose owner may not read free text gets the fixed body only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(TrackedItem item, Notices.Notice notice, String detail, List<String> recipients) {
        List<SubscriptionCache.Active> targets = cache.active();
        if (targets.isEmpty()) {
            return;
        }
        String code = notice.kind().code(notice.stage());
        String type = "notice." + code.toLowerCase().replace('_', '-');
        String scoped = null;
        String full = null;
        EntityManager em = deliveries.getEntityManager();
        for (SubscriptionCache.Active s : targets) {
            if (!s.kinds().isEmpty() && !s.kinds().contains(notice.kind().name())
                    || !Visibility.webhookReceives(s.ownerRole(), s.ownerUnit(), s.approved(), item.kind, recipients)) {
                continue;
            }
            boolean detailed = Visibility.readsDetail(s.ownerRole());
            String json;
            if (detailed) {
                json = full != null ? full : (full = payload(item, notice, type, code, detail, recipients));
            } else {
                json = scoped != null ? scoped : (scoped = payload(item, notice, type, code, null, null));
            }
            em.createNativeQuery("""
                            insert into webhook_delivery (id, subscription_id, item_id, dedup_key, event_type, payload, status,
                                                          attempts, next_attempt_at, created_at)
                            values (:id, :sub, :item, :key, :type, :payload, 'PENDING', 0, :at, :at)
                            on conflict (subscription_id, dedup_key) do nothing""")
                    .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL)
                    .setParameter("id", UUID.randomUUID()).setParameter("sub", s.id()).setParameter("item", item.id)
                    .setParameter("key", code + ":" + item.id + ":" + notice.cause())
                    .setParameter("type", type).setParameter("payload", json)
                    .setParameter("at", clock.now())
                    .executeUpdate();
        }
    }

    private String payload(TrackedItem item, Notices.Notice notice, String type, String code, String detail,
                           List<String> recipients) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("kind", notice.kind().name());
        payload.put("code", code);
        payload.put("stage", notice.stage());
        payload.put("label", notice.kind().label(notice.stage()));
        payload.put("itemKind", item.kind.name());
        payload.put("itemId", item.id);
        payload.put("itemCode", item.code);
        payload.put("title", item.title);
        payload.put("body", notice.body());
        if (detail != null) {
            payload.put("detail", detail);
        }
        payload.put("deadline", item.deadline == null ? null : item.deadline.toString());
        if (recipients != null) {
            payload.put("recipients", recipients);
        }
        payload.put("at", clock.now().toString());
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** After this transaction commits: this instance's cache now, the others' through NOTIFY. */
    private void changed() {
        subscriptions.getEntityManager().createNativeQuery("select pg_notify('" + SubscriptionCache.CHANNEL + "', '')")
                .getSingleResult();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cache.invalidate();
                }
            }
        });
    }
}
