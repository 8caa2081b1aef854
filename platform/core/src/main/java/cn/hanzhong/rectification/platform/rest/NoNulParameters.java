package cn.hanzhong.rectification.platform.rest;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses a NUL character ({@code %00}) in the path or in any query parameter, before anything looks
 * them up: 400 naming the parameter, where the database would otherwise fail on it.
 */
@Provider
@PreMatching
public class NoNulParameters implements ContainerRequestFilter {

    private static final String MESSAGE = "must not contain a NUL character (%00)";

    @Override
    public void filter(ContainerRequestContext request) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            if (segment.getPath().indexOf('\u0000') >= 0) {
                violations.add(new Problem.Violation("path", MESSAGE));
                break;
            }
        }
        for (Map.Entry<String, List<String>> p : request.getUriInfo().getQueryParameters(true).entrySet()) {
            if (p.getKey().indexOf('\u0000') >= 0 || p.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                violations.add(new Problem.Violation(p.getKey().replace("\u0000", "\\0"), MESSAGE));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
