package cn.hanzhong.rectification.platform.security;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every response carries: {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy:
 * no-referrer}, {@code X-Frame-Options: DENY} (Swagger UI aside, so it can be framed by the developer
 * portal), and {@code Cache-Control: no-store} on every response to a request that carried a token,
 * so no proxy or browser cache keeps what only its reader may see.
 */
@ApplicationScoped
public class SecurityHeaders {

    void register(@Observes Router router) {
        router.route().order(-1100).handler(ctx -> {
            boolean authenticated = ctx.request().getHeader("Authorization") != null;
            boolean swagger = ctx.request().path().startsWith("/q/swagger-ui");
            ctx.addHeadersEndHandler(v -> {
                var headers = ctx.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                if (!swagger) {
                    headers.set("X-Frame-Options", "DENY");
                }
                if (authenticated) {
                    headers.set("Cache-Control", "no-store");
                }
            });
            ctx.next();
        });
    }
}
