package cn.hanzhong.rectification.platform.errors;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's hard cap ({@code quarkus.http.limits.max-body-size}) for a declared length, answered
 * with a 413 problem before anything else runs. Each endpoint's own, smaller limit is
 * {@link BodyLimits}' (it also catches chunked bodies, long before the HTTP layer's own check,
 * which would answer an empty 413, is reached).
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long maxBytes;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && exceeds(length)) {
                JsonObject problem = new JsonObject()
                        .put("type", Problem.TYPE_PREFIX + "payload-too-large")
                        .put("title", "Payload too large")
                        .put("status", 413)
                        .put("detail", "The request body may be at most " + maxBytes + " bytes")
                        .put("instance", ctx.request().path());
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(problem.encode());
                return;
            }
            ctx.next();
        });
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
