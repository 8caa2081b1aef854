package cn.hanzhong.rectification.platform.errors;

import cn.hanzhong.rectification.platform.rest.BodyLimit;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The body limit of each endpoint ({@link BodyLimit}, else {@code platform.http.max-body-size}),
 * answered with a 413 problem in every case: a declared {@code Content-Length} over it before the
 * body is read, and a chunked body (no length) as soon as the bytes read pass it.
 */
@Provider
public class BodyLimits implements ContainerRequestFilter, ReaderInterceptor {

    private static final MemorySizeConverter SIZES = new MemorySizeConverter();
    private static final Map<Method, Long> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    private final long defaultLimit;

    public BodyLimits(@ConfigProperty(name = "platform.http.max-body-size", defaultValue = "1M") MemorySize defaultLimit) {
        this.defaultLimit = defaultLimit.asLongValue();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return;
        }
        long max = limit();
        try {
            if (Long.parseLong(length.strip()) > max) {
                throw new PayloadTooLargeException(max);
            }
        } catch (NumberFormatException e) {
            // the HTTP layer rejects a malformed length
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream(), limit()));
        return context.proceed();
    }

    private long limit() {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return defaultLimit;
        }
        return DECLARED.computeIfAbsent(method, m -> {
            BodyLimit declared = m.getAnnotation(BodyLimit.class);
            if (declared == null) {
                declared = m.getDeclaringClass().getAnnotation(BodyLimit.class);
            }
            return declared == null ? defaultLimit : SIZES.convert(resolve(declared.value())).asLongValue();
        });
    }

    /** A size, or {@code ${config.name:default}}: the size a configuration property gives. */
    static String resolve(String declared) {
        if (!declared.startsWith("${") || !declared.endsWith("}")) {
            return declared;
        }
        String inner = declared.substring(2, declared.length() - 1);
        int colon = inner.indexOf(':');
        String name = colon < 0 ? inner : inner.substring(0, colon);
        return ConfigProvider.getConfig().getOptionalValue(name, String.class)
                .orElseGet(() -> {
                    if (colon < 0) {
                        throw new IllegalStateException("No value for " + name + " in @BodyLimit");
                    }
                    return inner.substring(colon + 1);
                });
    }

    /** Counts the bytes read and refuses the one past the limit. */
    private static final class Limited extends FilterInputStream {

        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw new PayloadTooLargeException(max);
            }
        }
    }
}
