package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.config.NotificationConfig;
import cn.hanzhong.rectification.notification.domain.WebhookDelivery;
import cn.hanzhong.rectification.notification.domain.WebhookSubscription;
import cn.hanzhong.rectification.notification.repository.WebhookDeliveryRepository;
import cn.hanzhong.rectification.notification.repository.WebhookSubscriptionRepository;
import cn.hanzhong.rectification.platform.webhooks.SafeTargets;
import cn.hanzhong.rectification.platform.webhooks.StandardWebhooks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends due webhook deliveries: signed (Standard Webhooks), at least once with the same
 * {@code webhook-id} on every retry, exponential backoff with jitter (honouring {@code Retry-After})
 * until {@code give-up-after}, never following redirects, the target re-checked against SSRF before
 * each send, and the subscription disabled on 410 Gone. Rows are taken with SKIP LOCKED.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSubscriptionRepository subscriptions;
    private final NotificationConfig config;
    private final HttpClient http;

    public WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookSubscriptionRepository subscriptions,
                             NotificationConfig config) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.config = config;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Scheduled(every = "{notification.webhooks.dispatch-every:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "webhook-dispatch")
    void scheduled() {
        while (dispatchDue() > 0) {
            // keep going while there is work
        }
    }

    /** Sends up to 10 due deliveries; returns how many were attempted. */
    public int dispatchDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<WebhookDelivery> due = deliveries.getEntityManager().createNativeQuery("""
                            select d.* from webhook_delivery d where d.status = 'PENDING' and d.next_attempt_at <= now()
                            order by d.next_attempt_at limit 10 for update skip locked""", WebhookDelivery.class)
                    .getResultList();
            for (WebhookDelivery d : due) {
                attempt(d, subscriptions.findById(d.subscriptionId));
            }
            return due.size();
        });
    }

    private void attempt(WebhookDelivery d, WebhookSubscription s) {
        OffsetDateTime now = OffsetDateTime.now(Notices.ZONE);
        if (s == null || !s.active) {
            d.status = WebhookDelivery.Status.GAVE_UP;
            d.lastError = "subscription inactive";
            return;
        }
        d.attempts++;
        var refusal = SafeTargets.refusal(s.targetUrl, config.webhooks().allowedHosts());
        if (refusal.isPresent()) {
            retryLater(d, now, null, "target refused: " + refusal.get());
            return;
        }
        long timestamp = now.toEpochSecond();
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(s.targetUrl))
                    .timeout(config.webhooks().timeout())
                    .header("Content-Type", "application/json")
                    .header(StandardWebhooks.ID, d.id.toString())
                    .header(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
                    .header(StandardWebhooks.SIGNATURE, StandardWebhooks.sign(s.secret, d.id.toString(), timestamp, d.payload))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload)).build(), HttpResponse.BodyHandlers.discarding());
            d.lastStatusCode = r.statusCode();
            if (r.statusCode() >= 200 && r.statusCode() < 300) {
                d.status = WebhookDelivery.Status.DELIVERED;
                d.deliveredAt = now;
                d.lastError = null;
            } else if (r.statusCode() == 410) {
                d.status = WebhookDelivery.Status.GAVE_UP;
                d.lastError = "410 Gone: subscription disabled";
                s.active = false;
                s.disabledReason = "target answered 410 Gone";
            } else {
                retryLater(d, now, r.headers().firstValue("Retry-After").orElse(null),
                        r.statusCode() >= 300 && r.statusCode() < 400 ? "redirect not followed" : "HTTP " + r.statusCode());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            retryLater(d, now, null, e.getClass().getSimpleName());
        }
    }

    private void retryLater(WebhookDelivery d, OffsetDateTime now, String retryAfter, String error) {
        d.lastError = error;
        if (Duration.between(d.createdAt, now).compareTo(config.webhooks().giveUpAfter()) >= 0) {
            d.status = WebhookDelivery.Status.GAVE_UP;
            LOG.warnf("Webhook delivery %s gave up after %d attempts: %s", d.id, d.attempts, error);
            return;
        }
        long base = config.webhooks().backoff().toMillis() << Math.min(d.attempts - 1, 20);
        long capped = Math.min(base, config.webhooks().maxBackoff().toMillis());
        long delay = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1); // jitter: 50–100 %
        delay = Math.max(delay, retryAfterMillis(retryAfter, now));
        d.nextAttemptAt = now.plusNanos(delay * 1_000_000);
    }

    static long retryAfterMillis(String header, OffsetDateTime now) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(header.strip()) * 1000;
        } catch (NumberFormatException e) {
            try {
                return Math.max(0, Duration.between(now, ZonedDateTime.parse(header.strip(),
                        DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis());
            } catch (RuntimeException ignored) {
                return 0;
            }
        }
    }
}
