package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.config.NotificationConfig;
import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.TrackedItem;
import cn.hanzhong.rectification.notification.domain.WebhookDelivery;
import cn.hanzhong.rectification.notification.domain.WebhookSubscription;
import cn.hanzhong.rectification.notification.repository.WebhookDeliveryRepository;
import cn.hanzhong.rectification.notification.repository.WebhookSubscriptionRepository;
import cn.hanzhong.rectification.platform.errors.IllegalTransitionException;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.webhooks.SafeTargets;
import cn.hanzhong.rectification.platform.webhooks.StandardWebhooks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Webhook subscriptions, the delivery log, and enqueuing notices for delivery. */
@ApplicationScoped
@Transactional
public class Webhooks {

    /** A subscription just created, with its secret (shown this once). */
    public record Created(WebhookSubscription subscription, String secret) {
    }

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final NotificationConfig config;
    private final CurrentUser user;
    private final ObjectMapper mapper;

    public Webhooks(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
                    NotificationConfig config, CurrentUser user, ObjectMapper mapper) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.config = config;
        this.user = user;
        this.mapper = mapper;
    }

    public Created subscribe(String targetUrl, Set<NoticeKind> kinds) {
        SafeTargets.refusal(targetUrl, config.webhooks().allowedHosts()).ifPresent(why -> {
            throw new InvalidInputException("targetUrl", why);
        });
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.targetUrl = targetUrl.strip();
        s.kinds = new ArrayList<>(kinds.stream().map(Enum::name).sorted().toList());
        s.secret = StandardWebhooks.newSecret();
        s.createdBy = user.subject();
        s.createdAt = OffsetDateTime.now(Notices.ZONE);
        subscriptions.persist(s);
        return new Created(s, s.secret);
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
        d.status = WebhookDelivery.Status.PENDING;
        d.nextAttemptAt = OffsetDateTime.now(Notices.ZONE);
        d.createdAt = OffsetDateTime.now(Notices.ZONE); // a fresh retry window
        return d;
    }

    /** Queues a notice for every active subscription that wants its kind (once per subscription and notice). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(TrackedItem item, NoticeKind kind, List<String> recipients, String body, String cause) {
        // Native and without auto-flush: this runs for every notice, inside the consumer's transaction.
        @SuppressWarnings("unchecked")
        List<WebhookSubscription> targets = subscriptions.getEntityManager()
                .createNativeQuery("select * from webhook_subscription where active", WebhookSubscription.class)
                .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL).getResultList();
        if (targets.isEmpty()) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "notice." + kind.name().toLowerCase().replace('_', '-'));
        payload.put("kind", kind.name());
        payload.put("itemKind", item.kind.name());
        payload.put("itemId", item.id);
        payload.put("itemCode", item.code);
        payload.put("title", item.title);
        payload.put("body", body);
        payload.put("deadline", item.deadline == null ? null : item.deadline.toString());
        payload.put("recipients", recipients);
        payload.put("at", OffsetDateTime.now(Notices.ZONE).toString());
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (WebhookSubscription s : targets) {
            if (!s.kinds.isEmpty() && !s.kinds.contains(kind.name())) {
                continue;
            }
            deliveries.getEntityManager().createNativeQuery("""
                            insert into webhook_delivery (id, subscription_id, dedup_key, event_type, payload, status, attempts,
                                                          next_attempt_at, created_at)
                            values (:id, :sub, :key, :type, :payload, 'PENDING', 0, :at, :at)
                            on conflict (subscription_id, dedup_key) do nothing""")
                    .unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL)
                    .setParameter("id", UUID.randomUUID()).setParameter("sub", s.id)
                    .setParameter("key", kind.name() + ":" + item.id + ":" + cause)
                    .setParameter("type", payload.get("type")).setParameter("payload", json)
                    .setParameter("at", OffsetDateTime.now(Notices.ZONE))
                    .executeUpdate();
        }
    }
}
