package cn.hanzhong.rectification.notification.domain;

/**
 * What a tracked item is; CALENDAR stands for a year of the working-day calendar (office notices only),
 * SUPERVISION_ORDER for a supervision order (督办单) of the issues service, due by its response date,
 * IMPLEMENTATION_PLAN for a unit's implementation plan (整改实施方案), due by the programme's date until submitted,
 * RECONCILIATION for a reconciliation of the ledger with the provincial system (office notices only),
 * BULLETIN for a published bulletin (情况通报) of this service, addressed to every unit.
 */
public enum ItemKind {
    ISSUE, PETITION, CASE, CALENDAR, SUPERVISION_ORDER, IMPLEMENTATION_PLAN, RECONCILIATION, BULLETIN
}
