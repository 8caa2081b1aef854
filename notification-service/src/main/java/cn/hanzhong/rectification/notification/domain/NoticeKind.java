package cn.hanzhong.rectification.notification.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/**
 * Kinds of notices. Reminders, overdue and escalations are alerts (also on rectification.alerts).
 * A reminder's stage is the working days left at its threshold (0 is {@link #DUE_TODAY}); an
 * escalation's stage the days overdue at its step. Who receives each kind is {@link Visibility}.
 */
public enum NoticeKind implements Labelled {
    ASSIGNED("交办通知", false),
    REMINDER("到期前提醒", true),
    DUE_TODAY("今日到期提醒", true),
    OVERDUE("逾期预警", true),
    ESCALATION("逾期督办", true),
    DEADLINE_CHANGED("整改时限变更", false),
    EXTENSION_REQUESTED("申请延期", false),
    EXTENSION_DECIDED("延期申请已审批", false),
    ACCEPTANCE_REQUESTED("申请验收", false),
    CONCLUDED("信访件办理完毕待审核", false),
    REJECTED("验收未通过", false),
    RETURNED("信访件退回重办", false),
    SIGNED_OFF("已销号", false),
    REOPENED("重新整改", false),
    CLOSED("已办结", false),
    CANCELLED("已撤销", false),
    MARKED_DUPLICATE("重复件", false),
    ACCOUNTABILITY_PROPOSED("问责线索", false),
    MONTHLY_REPORT_DUE("按月调度：请报送本月整改进展", false),
    MONTHLY_REPORT_MISSING("按月调度：上月未报送整改进展", false),
    CALENDAR_MISSING("下一年度节假日安排尚未录入", false),
    SUPERVISION_ORDER_ISSUED("督办通知", false),
    SUPERVISION_ORDER_RESPONDED("督办事项已反馈，待审核", false),
    SUPERVISION_ORDER_RETURNED("督办反馈被退办", false),
    SUPERVISION_ORDER_OVERDUE("督办逾期催办", true),
    PLAN_SUBMITTED("整改实施方案已报送，待审核", false),
    PLAN_RETURNED("整改实施方案被退回修改", false),
    PLAN_OVERDUE("整改实施方案逾期未报送", true),
    RECONCILIATION_DIFFERENCES("省市对账发现不一致", false),
    BULLETIN_PUBLISHED("情况通报已印发", false);

    private final String label;
    private final boolean alert;

    NoticeKind(String label, boolean alert) {
        this.label = label;
        this.alert = alert;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean isAlert() {
        return alert;
    }

    /** Whether notices of this kind carry a stage (reminders, escalations). */
    public boolean staged() {
        return this == REMINDER || this == ESCALATION;
    }

    /** The stable code of a notice: the kind, with its stage where it has one ({@code REMINDER_3}, {@code ESCALATION_30}). */
    public String code(Integer stage) {
        return staged() && stage != null ? name() + "_" + stage : name();
    }

    /** The Chinese label with the stage ({@code 到期前3个工作日提醒}, {@code 逾期30天督办}). */
    public String label(Integer stage) {
        if (stage == null) {
            return label;
        }
        return switch (this) {
            case REMINDER -> "到期前" + stage + "个工作日提醒";
            case ESCALATION -> "逾期" + stage + "天督办";
            default -> label;
        };
    }
}
