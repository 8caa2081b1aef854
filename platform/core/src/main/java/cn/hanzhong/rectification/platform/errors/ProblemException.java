package cn.hanzhong.rectification.platform.errors;

import java.util.List;
import java.util.Map;

/**
 * Base of the exceptions a service throws to answer a client with a problem: the status, a stable
 * type slug, a title and a detail written for the caller (never an internal message).
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    protected ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Fields that are wrong, for 400s. */
    public List<Problem.Violation> violations() {
        return List.of();
    }

    /** Extra members of the problem body, e.g. {@code allowedActions}. */
    public Map<String, Object> extensions() {
        return Map.of();
    }

    /** Response headers that go with the problem, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
