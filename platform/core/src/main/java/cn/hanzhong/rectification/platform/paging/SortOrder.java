package cn.hanzhong.rectification.platform.paging;

/** One sort key: the entity property (already translated from the API field) and its direction. */
public record SortOrder(String property, boolean ascending) {
}
