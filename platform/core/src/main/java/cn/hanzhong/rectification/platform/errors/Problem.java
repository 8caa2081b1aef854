package cn.hanzhong.rectification.platform.errors;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 * Extension members (for example {@code allowedActions} of a 409) are written at the top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
@Schema(name = "Problem", description = "RFC 9457 problem details. 问题详情（RFC 9457）。")
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are URNs: stable identifiers, not pages to fetch. */
    public static final String TYPE_PREFIX = "urn:hanzhong-rectification:problem:";

    /** A request field that is wrong, and why. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(description = "The field, as a JSON path into the body or a query/path parameter name",
                    examples = "deadline") String field,
            @Schema(examples = "must not be null") String message) {
    }

    @Schema(examples = "urn:hanzhong-rectification:problem:validation")
    private final String type;
    @Schema(examples = "Invalid request")
    private final String title;
    @Schema(examples = "400")
    private final int status;
    @Schema(examples = "1 field is invalid")
    private final String detail;
    @Schema(examples = "/api/v1/issues")
    private final URI instance;
    private final List<Violation> violations;
    private final Map<String, Object> extensions;

    private Problem(Builder b) {
        this.type = TYPE_PREFIX + b.slug;
        this.title = b.title;
        this.status = b.status;
        this.detail = b.detail;
        this.instance = b.instance;
        this.violations = b.violations == null || b.violations.isEmpty() ? null : List.copyOf(b.violations);
        this.extensions = Map.copyOf(b.extensions);
    }

    public static Builder builder(int status, String slug, String title) {
        return new Builder(status, slug, title);
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public URI getInstance() {
        return instance;
    }

    public List<Violation> getViolations() {
        return violations;
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    public static final class Builder {
        private final int status;
        private final String slug;
        private final String title;
        private String detail;
        private URI instance;
        private List<Violation> violations;
        private final Map<String, Object> extensions = new LinkedHashMap<>();

        private Builder(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }

        public Builder detail(String d) {
            this.detail = d;
            return this;
        }

        public Builder instance(URI i) {
            this.instance = i;
            return this;
        }

        public Builder violations(List<Violation> v) {
            this.violations = v;
            return this;
        }

        public Builder extension(String name, Object value) {
            if (value != null) {
                extensions.put(name, value);
            }
            return this;
        }

        public Builder extensions(Map<String, Object> values) {
            values.forEach(this::extension);
            return this;
        }

        public Problem build() {
            return new Problem(this);
        }
    }
}
