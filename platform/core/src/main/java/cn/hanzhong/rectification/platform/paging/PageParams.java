package cn.hanzhong.rectification.platform.paging;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * The paging query parameters of every list ({@code @BeanParam PageParams paging}). They are read
 * as text and checked here, so {@code ?size=abc} is a 400 naming {@code size}, not a 404.
 */
public class PageParams {

    @QueryParam("page")
    @Parameter(description = "0-based page number (default 0)", example = "0")
    String page;

    @QueryParam("size")
    @Parameter(description = "Items per page, 1–200 (default 20)", example = "20")
    String size;

    @QueryParam("sort")
    @Parameter(description = "field,asc or field,desc; repeat for several keys. Sortable fields are listed per operation.",
            example = "deadline,asc")
    List<String> sort;

    public PageParams() {
    }

    public PageParams(String page, String size, List<String> sort) {
        this.page = page;
        this.size = size;
        this.sort = sort;
    }

    /** Validates against the list's sortable fields; every problem found is reported at once. */
    public PageRequest toRequest(SortableFields sortable) {
        List<Problem.Violation> violations = new ArrayList<>();
        int p = parse("page", page, 0, 0, Integer.MAX_VALUE, violations);
        int s = parse("size", size, PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE, violations);
        List<SortOrder> orders = new ArrayList<>();
        if (sort != null) {
            for (String key : sort) {
                if (key == null || key.isBlank()) {
                    continue;
                }
                String[] parts = key.split(",", -1);
                String property = sortable.property(parts[0].trim());
                if (property == null || parts.length > 2) {
                    violations.add(new Problem.Violation("sort",
                            "'" + key + "' is not sortable; use one of " + sortable.names() + " with ,asc or ,desc"));
                    continue;
                }
                String dir = parts.length == 2 ? parts[1].trim().toLowerCase() : "asc";
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    violations.add(new Problem.Violation("sort", "direction must be asc or desc, not '" + parts[1] + "'"));
                    continue;
                }
                orders.add(new SortOrder(property, dir.equals("asc")));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (orders.isEmpty()) {
            orders.addAll(sortable.defaultOrder());
        }
        if (orders.stream().noneMatch(o -> o.property().equals(sortable.tieBreaker()))) {
            // In the first key's direction: "created_at desc, id desc" walks an index on (created_at, id) backwards,
            // where a mixed "desc, asc" would make the database sort every match.
            orders.add(new SortOrder(sortable.tieBreaker(), orders.get(0).ascending()));
        }
        return new PageRequest(p, s, orders);
    }

    private static int parse(String name, String text, int fallback, int min, int max, List<Problem.Violation> out) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text.trim());
            if (v < min || v > max) {
                out.add(new Problem.Violation(name, max == Integer.MAX_VALUE
                        ? "must be at least " + min : "must be between " + min + " and " + max));
            }
            return v;
        } catch (NumberFormatException e) {
            out.add(new Problem.Violation(name, "must be a whole number"));
            return fallback;
        }
    }
}
