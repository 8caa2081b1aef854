package cn.hanzhong.rectification.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.List;

/**
 * The W3C trace context ({@code traceparent}) that follows a change along the event path: taken from the
 * current span when an outbox row is written, sent with the Kafka record, and continued by the consumer,
 * so the request, the outbox row, the record, the consumer's work and a notice belong to one trace.
 */
public final class Tracing {

    /** The header (W3C Trace Context; the CloudEvents distributed-tracing extension's attribute name). */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> ONE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private Tracing() {
    }

    /** The current span's {@code traceparent}, or null when there is none (tracing off, no span). */
    public static String currentTraceparent() {
        SpanContext c = Span.current().getSpanContext();
        return c.isValid() ? "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex() : null;
    }

    /** The current span's trace id, or null. */
    public static String currentTraceId() {
        SpanContext c = Span.current().getSpanContext();
        return c.isValid() ? c.getTraceId() : null;
    }

    /** The context a span continues from {@code traceparent}; a new trace (the root) when it is absent or unreadable. */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent.strip(), ONE_VALUE);
    }
}
