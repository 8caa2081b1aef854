package cn.hanzhong.rectification.notification.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Kinds of notices. Reminders, overdue and escalations are alerts (also on rectification.alerts). */
public enum NoticeKind implements Labelled {
    ASSIGNED("交办通知", false),
    REMINDER_7("到期前7个工作日提醒", true),
    REMINDER_3("到期前3个工作日提醒", true),
    REMINDER_1("到期前1个工作日提醒", true),
    DUE_TODAY("今日到期提醒", true),
    OVERDUE("逾期预警", true),
    ESCALATION_7("逾期7天督办", true),
    ESCALATION_30("逾期30天督办", true),
    ACCEPTANCE_REQUESTED("申请验收", false),
    CONCLUDED("信访件办理完毕待审核", false),
    REJECTED("验收未通过", false),
    RETURNED("信访件退回重办", false),
    SIGNED_OFF("已销号", false),
    REOPENED("重新整改", false),
    CLOSED("已办结", false),
    ACCOUNTABILITY_PROPOSED("问责线索", false),
    MONTHLY_REPORT_DUE("按月调度：请报送本月整改进展", false),
    MONTHLY_REPORT_MISSING("按月调度：上月未报送整改进展", false);

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

    /** The reminder for {@code workingDaysLeft} before the deadline, by the thresholds 7, 3, 1, 0. */
    public static NoticeKind reminderFor(int threshold) {
        return switch (threshold) {
            case 7 -> REMINDER_7;
            case 3 -> REMINDER_3;
            case 1 -> REMINDER_1;
            case 0 -> DUE_TODAY;
            default -> throw new IllegalArgumentException("No reminder for " + threshold + " working days");
        };
    }
}
