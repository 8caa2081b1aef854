package cn.hanzhong.rectification.platform.events;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the service's AsyncAPI 3.0 document ({@code META-INF/asyncapi.yaml}, drawn from the event
 * contract fixtures by {@code deploy/contracts/asyncapi.py}) at {@code /q/asyncapi}, beside
 * {@code /q/openapi}, without a token. A service that publishes no events has none and serves none.
 */
@ApplicationScoped
public class AsyncApiDocument {

    public static final String PATH = "/q/asyncapi";
    static final String RESOURCE = "META-INF/asyncapi.yaml";

    void register(@Observes Router router) {
        byte[] document = read();
        if (document == null) {
            return;
        }
        router.get(PATH).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/yaml; charset=UTF-8")
                .end(io.vertx.core.buffer.Buffer.buffer(document)));
    }

    private static byte[] read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
