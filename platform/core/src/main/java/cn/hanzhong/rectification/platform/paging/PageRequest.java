package cn.hanzhong.rectification.platform.paging;

import io.quarkus.panache.common.Sort;

import java.util.List;
import java.util.UUID;

/**
 * A validated request for one page: 0-based {@code page}, {@code size} 1–200, sort keys, and on lists that
 * page by keyset the id of the row the page starts after ({@code after}, else {@code null}).
 */
public record PageRequest(int page, int size, List<SortOrder> sort, UUID after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** The deepest item a numbered page may reach on a keyset list; beyond it {@code after} is the way. */
    public static final int MAX_OFFSET = 10_000;

    public PageRequest {
        sort = List.copyOf(sort);
    }

    public PageRequest(int page, int size, List<SortOrder> sort) {
        this(page, size, sort, null);
    }

    public long offset() {
        return (long) page * size;
    }

    public Sort panacheSort() {
        Sort s = null;
        for (SortOrder o : sort) {
            Sort.Direction d = o.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
            s = s == null ? Sort.by(o.property(), d) : s.and(o.property(), d);
        }
        return s == null ? Sort.empty() : s;
    }

    /** {@code order by ...} for hand-written queries; properties come from an allow-list only. */
    public String orderByClause() {
        if (sort.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" order by ");
        for (int i = 0; i < sort.size(); i++) {
            SortOrder o = sort.get(i);
            b.append(i == 0 ? "" : ", ").append(o.property()).append(o.ascending() ? " asc" : " desc");
        }
        return b.toString();
    }
}
