package cn.hanzhong.rectification.platform.errors;

import java.time.Duration;
import java.util.Map;

/** 429: the caller is over a limit; {@code Retry-After} says when to try again. */
public class TooManyRequestsException extends ProblemException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(429, "too-many-requests", "Too many requests", detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("retryAfterSeconds", Math.max(1, retryAfter.toSeconds()));
    }
}
