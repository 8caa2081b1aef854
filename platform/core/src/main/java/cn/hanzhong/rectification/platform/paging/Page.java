package cn.hanzhong.rectification.platform.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code {items, page, size, totalItems, totalItemsExact, totalPages, nextCursor}}. Lists are
 * never unbounded.
 */
public record Page<T>(
        List<T> items,
        @Schema(description = "0-based page number (0 on a page asked for with after=)", examples = "0") int page,
        @Schema(description = "Page size (1–200)", examples = "20") int size,
        @Schema(description = "Items across all pages; an estimate when totalItemsExact is false", examples = "317")
        long totalItems,
        @Schema(description = "false when there are more than " + Count.EXACT_UP_TO + " matches and totalItems is the "
                + "database's estimate (never below " + Count.EXACT_UP_TO + ")", examples = "true")
        boolean totalItemsExact,
        @Schema(description = "Pages in all (from totalItems)", examples = "16") int totalPages,
        @Schema(description = "Only on lists that take after=: pass it as after= for the next page; absent on the last page",
                nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        return of(items, request, Count.exact(totalItems), null);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, Count count, String nextCursor) {
        int pages = (int) Math.min(Integer.MAX_VALUE, (count.total() + request.size() - 1) / request.size());
        return new Page<>(List.copyOf(items), request.page(), request.size(), count.total(), count.exact(), pages,
                nextCursor);
    }

    /** Runs a Panache query (already sorted with {@link PageRequest#panacheSort()}) for one page. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<? super E, T> mapper) {
        List<T> items = query.page(request.page(), request.size()).list().stream().<T>map(mapper).toList();
        return of(items, request, query.count());
    }

    public <R> Page<R> map(Function<? super T, R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalItemsExact, totalPages,
                nextCursor);
    }
}
