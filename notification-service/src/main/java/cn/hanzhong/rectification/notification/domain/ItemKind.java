package cn.hanzhong.rectification.notification.domain;

/** What a tracked item is; CALENDAR stands for a year of the working-day calendar (office notices only). */
public enum ItemKind {
    ISSUE, PETITION, CASE, CALENDAR
}
