package cn.hanzhong.rectification.platform.paging;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL condition "after the anchor row in this sort", for keyset pages. The anchor's value of each sort key is
 * read by a scalar subquery on the row id, so no value is parsed or re-typed on the way. PostgreSQL sorts nulls last
 * ascending and first descending; the condition follows that, so nullable keys (a deadline) page correctly.
 */
final class Keyset {

    private Keyset() {
    }

    /**
     * @param anchorValue SQL of the anchor's value of each key (same order as {@code sort})
     * @param anchorNull  whether the anchor's value of each key is null
     */
    static String after(List<SortOrder> sort, List<String> anchorValue, List<Boolean> anchorNull) {
        List<String> disjuncts = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            SortOrder o = sort.get(i);
            String k = o.property();
            String v = anchorValue.get(i);
            boolean nul = anchorNull.get(i);
            String beyond;
            if (nul) {
                beyond = o.ascending() ? null : k + " is not null";
            } else {
                beyond = o.ascending() ? "(" + k + " > " + v + " or " + k + " is null)" : k + " < " + v;
            }
            if (beyond != null) {
                List<String> parts = new ArrayList<>(equalSoFar);
                parts.add(beyond);
                disjuncts.add(String.join(" and ", parts));
            }
            equalSoFar.add(nul ? k + " is null" : k + " = " + v);
        }
        if (disjuncts.isEmpty()) {
            return "false";
        }
        // The bound on the first key alone lets an index on it start at the anchor.
        SortOrder first = sort.get(0);
        String lead = anchorNull.get(0)
                ? (first.ascending() ? first.property() + " is null" : "true")
                : first.ascending() ? "(" + first.property() + " >= " + anchorValue.get(0) + " or " + first.property() + " is null)"
                : first.property() + " <= " + anchorValue.get(0);
        return lead + " and (" + String.join(" or ", disjuncts.stream().map(d -> "(" + d + ")").toList()) + ")";
    }
}
