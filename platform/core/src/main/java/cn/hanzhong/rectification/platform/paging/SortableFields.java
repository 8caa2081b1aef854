package cn.hanzhong.rectification.platform.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The allow-list of fields a list may be sorted by: API field name → entity property, plus the
 * default order and a unique tie-breaker so pages are stable.
 */
public final class SortableFields {

    private final Map<String, String> fields;
    private final List<SortOrder> defaultOrder;
    private final String tieBreaker;

    private SortableFields(Map<String, String> fields, List<SortOrder> defaultOrder, String tieBreaker) {
        this.fields = Map.copyOf(fields);
        this.defaultOrder = List.copyOf(defaultOrder);
        this.tieBreaker = tieBreaker;
    }

    /**
     * @param fieldsAndProperties pairs: api field, entity property, api field, entity property, ...
     */
    public static Builder of(String... fieldsAndProperties) {
        if (fieldsAndProperties.length % 2 != 0) {
            throw new IllegalArgumentException("Fields and properties come in pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndProperties.length; i += 2) {
            map.put(fieldsAndProperties[i], fieldsAndProperties[i + 1]);
        }
        return new Builder(map);
    }

    public String property(String field) {
        return fields.get(field);
    }

    public Set<String> names() {
        return new TreeSet<>(fields.keySet());
    }

    List<SortOrder> defaultOrder() {
        return defaultOrder;
    }

    /** The unique property that breaks ties, in the direction of the sort's first key. */
    String tieBreaker() {
        return tieBreaker;
    }

    public static final class Builder {
        private final Map<String, String> fields;

        private Builder(Map<String, String> fields) {
            this.fields = fields;
        }

        /** Default order when the client gives none, and the unique property that breaks ties. */
        public SortableFields defaultSort(String field, boolean ascending, String uniqueProperty) {
            String property = fields.get(field);
            if (property == null) {
                throw new IllegalArgumentException("Default sort field " + field + " is not sortable");
            }
            return new SortableFields(fields, List.of(new SortOrder(property, ascending)), uniqueProperty);
        }
    }
}
