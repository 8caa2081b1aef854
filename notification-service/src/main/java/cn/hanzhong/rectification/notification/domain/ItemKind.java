package cn.hanzhong.rectification.notification.domain;

/** What a tracked item is. */
public enum ItemKind {
    ISSUE, PETITION, CASE
}
