package cn.hanzhong.rectification.platform.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code {items, page, size, totalItems, totalPages}}. Lists are never unbounded.
 */
public record Page<T>(
        List<T> items,
        @Schema(description = "0-based page number", examples = "0") int page,
        @Schema(description = "Page size (1–200)", examples = "20") int size,
        @Schema(description = "Items across all pages", examples = "317") long totalItems,
        @Schema(description = "Pages in all", examples = "16") int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int pages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems, pages);
    }

    /** Runs a Panache query (already sorted with {@link PageRequest#panacheSort()}) for one page. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<? super E, T> mapper) {
        List<T> items = query.page(request.page(), request.size()).list().stream().<T>map(mapper).toList();
        return of(items, request, query.count());
    }

    public <R> Page<R> map(Function<? super T, R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
