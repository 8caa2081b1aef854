package cn.hanzhong.rectification.platform.idempotency;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code Idempotency-Key} on every POST of the API (IETF draft semantics, as Stripe runs them): the first
 * response to a key is kept per caller (token subject, or client address on the public endpoints) for
 * {@code platform.idempotency.keep} (24 h) and a retry with the same key and the same request gets the
 * same status, Location, ETag and body, marked {@code Idempotency-Replayed: true}; the same key with a
 * different request is 422; a retry while the first is still running is 409 with {@code Retry-After}. A
 * first attempt that ends in a server error frees the key, so its retry runs again. The fingerprint is a
 * SHA-256 of method, path, query, content type and body (for multipart uploads, whose body the server has
 * parsed already, of their declared length instead of the bytes). A key is freed only while none of the
 * request's transactions committed: once one did, a retry gets the kept status and Location (and the body
 * when it was written), never a second effect — even when the response was lost on the way. A claim left
 * in progress by an instance that stopped mid-request is retaken after {@code platform.idempotency.lease}
 * (5 min) when none of its work committed, and refused as orphaned (409, no Retry-After) when some did:
 * the effect happened, its answer is lost, and the caller must look it up instead of repeating it. A POST marked
 * {@link cn.hanzhong.rectification.platform.rest.NotReplayable} ignores the key: its response is never kept.
 */
@Provider
public class Idempotency implements WriterInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    private static final String CLAIM = Idempotency.class.getName() + ".claim";
    private static final int MAX_KEPT_BODY = 1024 * 1024;

    /** The key this request holds, and what is kept of its response so far. */
    static final class Claim {
        final String caller;
        final String key;
        /** A transaction of this request committed ({@link CommittedWork}): its effect happened, whatever the response. */
        volatile boolean committed;
        int status;
        String contentType;
        String location;
        String etag;

        Claim(String caller, String key) {
            this.caller = caller;
            this.key = key;
        }
    }

    @Inject
    IdempotencyStore store;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest vertxRequest;

    @ConfigProperty(name = "platform.idempotency.keep", defaultValue = "24h")
    Duration keep;

    /** How long a claim may stay in progress before it counts as abandoned by an instance that stopped. */
    @ConfigProperty(name = "platform.idempotency.lease", defaultValue = "5m")
    Duration lease;

    private final AtomicLong lastPurge = new AtomicLong();

    /** After the body limit and the token checks, so a key is only taken for a request that may run. */
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Optional<Response> claim(ContainerRequestContext request, HttpServerRequest http,
                                    org.jboss.resteasy.reactive.server.SimpleResourceInfo resource) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || request.getUriInfo().getPath().startsWith("/q/")
                || notReplayable(resource)) {
            return Optional.empty();
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
            throw new InvalidInputException(HEADER, "must be 1 to 255 visible ASCII characters (a UUID is a good key)");
        }
        String caller = identity.isAnonymous()
                ? "address " + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress())
                : "subject " + (identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt && jwt.getSubject() != null
                        ? jwt.getSubject() : identity.getPrincipal().getName());
        String fingerprint = fingerprint(request);
        Instant now = clock.instant();
        purgeNowAndThen(now);
        Optional<IdempotencyStore.Entry> held = store.claim(caller, key, fingerprint, now, keep, lease);
        if (held.isEmpty()) {
            Claim claim = new Claim(caller, key);
            request.setProperty(CLAIM, claim);
            var current = vertxRequest.getCurrent();
            if (current != null) {
                current.put(CLAIM, claim);
            }
            return Optional.empty();
        }
        IdempotencyStore.Entry e = held.get();
        if (!e.fingerprint().equals(fingerprint)) {
            throw new KeyReused();
        }
        if (e.orphaned(now, lease)) {
            throw new Orphaned();
        }
        if (!e.done()) {
            throw new StillRunning();
        }
        Response.ResponseBuilder replay = Response.status(e.status()).header(REPLAYED, "true");
        if (e.location() != null) {
            replay.header(HttpHeaders.LOCATION, e.location());
        }
        if (e.etag() != null) {
            replay.header(HttpHeaders.ETAG, e.etag());
        }
        if (e.body() != null) {
            replay.entity(e.body()).type(e.contentType());
        }
        return Optional.of(replay.build());
    }

    private static boolean notReplayable(org.jboss.resteasy.reactive.server.SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return false;
        }
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                    .isAnnotationPresent(cn.hanzhong.rectification.platform.rest.NotReplayable.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @ServerResponseFilter
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        claim.status = response.getStatus();
        claim.contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
        claim.location = response.getHeaderString(HttpHeaders.LOCATION);
        claim.etag = response.getHeaderString(HttpHeaders.ETAG);
        if (claim.status >= 500 && !claim.committed) {
            store.release(claim.caller, claim.key);
            request.removeProperty(CLAIM);
        } else if (claim.status >= 500) {
            // It failed after its work committed: a retry must not do it again; it gets this answer.
            store.complete(claim.caller, claim.key, claim.status, null, claim.location, claim.etag, null);
            request.removeProperty(CLAIM);
        } else if (!response.hasEntity()) {
            store.complete(claim.caller, claim.key, claim.status, null, claim.location, claim.etag, null);
            request.removeProperty(CLAIM);
        }
        // else the body is kept as it is written (aroundWriteTo reads the claim from the request's properties)
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(CLAIM) instanceof Claim claim)) {
            context.proceed();
            return;
        }
        context.removeProperty(CLAIM);
        OutputStream original = context.getOutputStream();
        Tee tee = new Tee(original);
        context.setOutputStream(tee);
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            // The connection went (the client gave up, or this instance is stopping). If the work committed,
            // a retry gets the status and Location without the body rather than doing it a second time.
            releaseOrKeepBodiless(claim);
            throw e;
        }
        if (tee.overflowed()) {
            releaseOrKeepBodiless(claim);
        } else {
            store.complete(claim.caller, claim.key, claim.status, contentType(context, claim), claim.location, claim.etag, tee.bytes());
        }
    }

    private void releaseOrKeepBodiless(Claim claim) {
        if (claim.committed) {
            store.complete(claim.caller, claim.key, claim.status, null, claim.location, claim.etag, null);
        } else {
            store.release(claim.caller, claim.key);
        }
    }

    /** The request's claim, for {@link CommittedWork}; null when it holds none. */
    static Claim claimOf(io.vertx.ext.web.RoutingContext current) {
        return current == null ? null : current.get(CLAIM) instanceof Claim c ? c : null;
    }

    /** The type the body went out with: set on the HTTP response by the time its bytes are written. */
    private String contentType(WriterInterceptorContext context, Claim claim) {
        var current = vertxRequest.getCurrent();
        String sent = current == null ? null : current.response().headers().get(HttpHeaders.CONTENT_TYPE);
        if (sent != null) {
            return sent;
        }
        return context.getMediaType() != null ? context.getMediaType().toString() : claim.contentType;
    }

    private void purgeNowAndThen(Instant now) {
        long last = lastPurge.get();
        if (now.toEpochMilli() - last > Duration.ofMinutes(10).toMillis() && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            store.purge(now.minus(keep));
        }
    }

    private static String fingerprint(ContainerRequestContext request) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        MediaType type = request.getMediaType();
        String head = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + "?"
                + request.getUriInfo().getRequestUri().getRawQuery() + " " + (type == null ? "" : type.toString());
        md.update(head.getBytes(StandardCharsets.UTF_8));
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            md.update(String.valueOf(request.getLength()).getBytes(StandardCharsets.UTF_8));
        } else if (request.hasEntity()) {
            byte[] body = request.getEntityStream().readAllBytes();
            md.update(body);
            request.setEntityStream(new ByteArrayInputStream(body));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Writes through and keeps a copy of up to {@link #MAX_KEPT_BODY} bytes. */
    private static final class Tee extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private boolean overflow;

        Tee(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            keep(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            keep(b, off, len);
        }

        private void keep(byte[] b, int off, int len) {
            if (!overflow && copy.size() + len <= MAX_KEPT_BODY) {
                copy.write(b, off, len);
            } else {
                overflow = true;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        boolean overflowed() {
            return overflow;
        }

        byte[] bytes() {
            return copy.toByteArray();
        }
    }

    /** 422: the key was used for a different request. */
    public static final class KeyReused extends ProblemException {
        KeyReused() {
            super(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
    }

    /** 409: the first request with this key did its work on an instance that stopped before answering. */
    public static final class Orphaned extends ProblemException {
        Orphaned() {
            super(409, "idempotency-key-orphaned", "Request done, answer lost",
                    "The request first sent with this Idempotency-Key committed its work, but the instance handling it stopped "
                            + "before answering; look the result up instead of sending the request again");
        }
    }

    /** 409: the first request with this key is still running. */
    public static final class StillRunning extends ProblemException {
        StillRunning() {
            super(409, "idempotency-key-in-use", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly");
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", "1");
        }
    }
}
