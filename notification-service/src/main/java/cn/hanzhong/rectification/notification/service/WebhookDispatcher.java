package cn.hanzhong.rectification.notification.service;

import cn.hanzhong.rectification.notification.config.NotificationConfig;
import cn.hanzhong.rectification.notification.domain.WebhookDelivery;
import cn.hanzhong.rectification.notification.domain.WebhookSubscription;
import cn.hanzhong.rectification.notification.repository.WebhookDeliveryRepository;
import cn.hanzhong.rectification.notification.webhook.SafeTargets;
import cn.hanzhong.rectification.notification.webhook.StandardWebhooks;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends due webhook deliveries: signed (Standard Webhooks), at least once with the same
 * {@code webhook-id} on every retry, exponential backoff with jitter (honouring {@code Retry-After}
 * up to a cap) until {@code give-up-after}, never following redirects, and the subscription disabled
 * on 410 Gone.
 *
 * <p>A round claims due deliveries in a short transaction (a lease, {@code SKIP LOCKED}: several
 * instances share the work), sends them concurrently with no transaction open and no row locked,
 * then records the outcomes in another short transaction. Within one subscription and item a
 * delivery waits until the earlier ones are done, so each receiver sees an item's notices in order.
 * The target is checked against SSRF before each send and the connection goes to the address that
 * passed the check (no second DNS lookup); the URL's host is still sent as Host and for TLS (SNI,
 * certificate check).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveryRepository deliveries;
    private final Webhooks webhooks;
    private final NotificationConfig config;
    private final ProgrammeClock clock;
    private final HttpClient http;

    public WebhookDispatcher(WebhookDeliveryRepository deliveries, Webhooks webhooks, NotificationConfig config,
                             ProgrammeClock clock, Vertx vertx) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.config = config;
        this.clock = clock;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5000)
                .setMaxPoolSize(Math.max(8, config.webhooks().concurrency()))
                .setVerifyHost(true)
                .setKeepAlive(true));
    }

    void stop(@Observes ShutdownEvent event) {
        http.close();
    }

    @Scheduled(every = "{notification.webhooks.dispatch-every:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "webhook-dispatch")
    void scheduled() {
        while (dispatchDue() > 0) {
            // keep going while there is work
        }
    }

    private record Claim(UUID id, UUID subscriptionId, String payload) {
    }

    private record Outcome(UUID id, Integer status, String retryAfter, String error) {
    }

    /** Sends one round of due deliveries; returns how many were attempted. */
    public int dispatchDue() {
        List<Claim> claims = QuarkusTransaction.requiringNew().call(this::claim);
        if (claims.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Outcome>> sends = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            sends.add(send(c));
        }
        List<Outcome> outcomes = new ArrayList<>(claims.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                outcomes.add(sends.get(i).get(config.webhooks().timeout().toMillis() + 10_000, TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                outcomes.add(new Outcome(claims.get(i).id(), null, null, e.getClass().getSimpleName()));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> outcomes.forEach(this::record));
        return claims.size();
    }

    @SuppressWarnings("unchecked")
    private List<Claim> claim() {
        long leaseMillis = config.webhooks().timeout().toMillis() * 2 + 30_000;
        List<Object[]> rows = deliveries.getEntityManager().createNativeQuery("""
                        update webhook_delivery d set status = 'SENDING', attempts = d.attempts + 1,
                               lease_until = now() + make_interval(secs => :lease)
                        where d.id in (
                            select c.id from webhook_delivery c
                            where ((c.status = 'PENDING' and c.next_attempt_at <= now())
                                   or (c.status = 'SENDING' and c.lease_until < now()))
                              and not exists (select 1 from webhook_delivery e
                                              where e.subscription_id = c.subscription_id
                                                and e.item_id is not distinct from c.item_id
                                                and e.seq < c.seq and e.status in ('PENDING', 'SENDING'))
                            order by c.seq limit :n for update skip locked)
                        returning d.id, d.subscription_id, d.payload""")
                .setParameter("lease", leaseMillis / 1000.0)
                .setParameter("n", config.webhooks().concurrency())
                .getResultList();
        return rows.stream().map(r -> new Claim((UUID) r[0], (UUID) r[1], (String) r[2])).toList();
    }

    private CompletableFuture<Outcome> send(Claim c) {
        WebhookSubscription s = webhooks.find(c.subscriptionId()).orElse(null);
        if (s == null || !s.active || !s.approved) {
            return CompletableFuture.completedFuture(new Outcome(c.id(), null, null, "subscription inactive"));
        }
        SafeTargets.Target t;
        try {
            t = SafeTargets.check(s.targetUrl, config.webhooks().allowedHosts());
        } catch (SafeTargets.Refused r) {
            return CompletableFuture.completedFuture(new Outcome(c.id(), null, null, "target refused: " + r.getMessage()));
        }
        long timestamp = clock.now().toEpochSecond();
        String id = c.id().toString();
        String path = (t.uri().getRawPath() == null || t.uri().getRawPath().isEmpty() ? "/" : t.uri().getRawPath())
                + (t.uri().getRawQuery() != null ? "?" + t.uri().getRawQuery() : "");
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(t.host()).setPort(t.port())
                .setSsl(t.https()).setURI(path).setFollowRedirects(false)
                .setTimeout(config.webhooks().timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(StandardWebhooks.ID, id)
                .putHeader(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
                .putHeader(StandardWebhooks.SIGNATURE, StandardWebhooks.sign(webhooks.secretOf(s), id, timestamp, c.payload()));
        if (t.address() != null) {
            options.setServer(SocketAddress.inetSocketAddress(t.port(), t.address().getHostAddress()));
        }
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        try {
            send(options, c, result);
        } catch (RuntimeException e) { // the client is closed while the service stops
            result.complete(new Outcome(c.id(), null, null, e.getClass().getSimpleName()));
        }
        return result;
    }

    private void send(RequestOptions options, Claim c, CompletableFuture<Outcome> result) {
        http.request(options)
                .compose(req -> req.send(Buffer.buffer(c.payload())))
                .compose(resp -> resp.body().map(ignored -> new Outcome(c.id(), resp.statusCode(), resp.getHeader("Retry-After"), null)))
                .onSuccess(result::complete)
                .onFailure(e -> result.complete(new Outcome(c.id(), null, null, e.getClass().getSimpleName()
                        + (e.getMessage() != null ? ": " + e.getMessage() : ""))));
    }

    private void record(Outcome o) {
        WebhookDelivery d = deliveries.findById(o.id());
        if (d == null || d.status != WebhookDelivery.Status.SENDING) {
            return;
        }
        OffsetDateTime now = clock.now();
        d.leaseUntil = null;
        d.lastStatusCode = o.status();
        if (o.status() == null) {
            if ("subscription inactive".equals(o.error())) {
                d.status = WebhookDelivery.Status.GAVE_UP;
                d.lastError = o.error();
            } else {
                retryLater(d, now, null, o.error());
            }
        } else if (o.status() >= 200 && o.status() < 300) {
            d.status = WebhookDelivery.Status.DELIVERED;
            d.deliveredAt = now;
            d.lastError = null;
        } else if (o.status() == 410) {
            d.status = WebhookDelivery.Status.GAVE_UP;
            d.lastError = "410 Gone: subscription disabled";
            webhooks.disableGone(d.subscriptionId);
        } else {
            retryLater(d, now, o.retryAfter(),
                    o.status() >= 300 && o.status() < 400 ? "redirect not followed" : "HTTP " + o.status());
        }
    }

    private void retryLater(WebhookDelivery d, OffsetDateTime now, String retryAfter, String error) {
        d.lastError = error;
        d.status = WebhookDelivery.Status.PENDING;
        if (Duration.between(d.createdAt, now).compareTo(config.webhooks().giveUpAfter()) >= 0) {
            d.status = WebhookDelivery.Status.GAVE_UP;
            LOG.warnf("Webhook delivery %s gave up after %d attempts: %s", d.id, d.attempts, error);
            return;
        }
        long base = config.webhooks().backoff().toMillis() << Math.min(Math.max(d.attempts - 1, 0), 20);
        long capped = Math.min(base, config.webhooks().maxBackoff().toMillis());
        long delay = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1); // jitter: 50–100 %
        delay = Math.max(delay, Math.min(retryAfterMillis(retryAfter, now), config.webhooks().maxRetryAfter().toMillis()));
        d.nextAttemptAt = now.plusNanos(delay * 1_000_000);
    }

    static long retryAfterMillis(String header, OffsetDateTime now) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Math.multiplyExact(Math.max(0, Long.parseLong(header.strip())), 1000L);
        } catch (NumberFormatException e) {
            try {
                return Math.max(0, Duration.between(now, ZonedDateTime.parse(header.strip(),
                        DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis());
            } catch (RuntimeException ignored) {
                return 0;
            }
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
