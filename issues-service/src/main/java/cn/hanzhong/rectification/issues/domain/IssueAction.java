package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The lifecycle of an issue as data: each action says who may take it, from which states, and the
 * state it leads to. The service asks this enum; a 409 lists {@link #allowed} for the caller.
 */
public enum IssueAction implements Labelled {
    ASSIGN("交办", Actor.OFFICE, IssueStatus.ASSIGNED, IssueStatus.REGISTERED),
    START("开始整改", Actor.LEAD_UNIT, IssueStatus.IN_PROGRESS, IssueStatus.ASSIGNED),
    REQUEST_ACCEPTANCE("申请验收", Actor.LEAD_UNIT, IssueStatus.ACCEPTANCE_REQUESTED, IssueStatus.IN_PROGRESS),
    VERIFY("现场核查通过，销号公示", Actor.OFFICE, IssueStatus.PUBLIC_NOTICE, IssueStatus.ACCEPTANCE_REQUESTED),
    ACCEPT("直接验收销号（不予公示）", Actor.OFFICE, IssueStatus.SIGNED_OFF, IssueStatus.ACCEPTANCE_REQUESTED),
    REJECT("验收不通过，退回整改", Actor.OFFICE, IssueStatus.IN_PROGRESS, IssueStatus.ACCEPTANCE_REQUESTED),
    CANCEL("撤销（重复或合并）", Actor.OFFICE, IssueStatus.CANCELLED,
            IssueStatus.REGISTERED, IssueStatus.ASSIGNED, IssueStatus.IN_PROGRESS, IssueStatus.ACCEPTANCE_REQUESTED,
            IssueStatus.PUBLIC_NOTICE),
    REOPEN("问题反弹，重新整改", Actor.OFFICE, IssueStatus.IN_PROGRESS, IssueStatus.SIGNED_OFF),
    UPHOLD_OBJECTION("公示异议成立，退回整改", Actor.SYSTEM, IssueStatus.IN_PROGRESS, IssueStatus.PUBLIC_NOTICE),
    SIGN_OFF("公示期满，销号", Actor.SYSTEM, IssueStatus.SIGNED_OFF, IssueStatus.PUBLIC_NOTICE),
    LOOK_BACK_RECURRED("回头看发现问题反弹，重新整改", Actor.SYSTEM, IssueStatus.IN_PROGRESS, IssueStatus.SIGNED_OFF),
    LOOK_BACK_PAPER_RECTIFICATION("回头看发现虚假整改、表面整改，重新整改", Actor.SYSTEM, IssueStatus.IN_PROGRESS,
            IssueStatus.SIGNED_OFF);

    private final String label;
    private final Actor actor;
    private final IssueStatus target;
    private final Set<IssueStatus> from;

    IssueAction(String label, Actor actor, IssueStatus target, IssueStatus... from) {
        this.label = label;
        this.actor = actor;
        this.target = target;
        this.from = EnumSet.copyOf(Arrays.asList(from));
    }

    @Override
    public String label() {
        return label;
    }

    /** Who may take this action. */
    public Actor actor() {
        return actor;
    }

    /** The status the issue has after the action. */
    public IssueStatus target() {
        return target;
    }

    public boolean isAllowedFrom(IssueStatus status) {
        return from.contains(status);
    }

    /** The actions callers acting as {@code actors} may take on an issue in {@code status}. */
    public static List<IssueAction> allowed(IssueStatus status, Set<Actor> actors) {
        return Arrays.stream(values()).filter(a -> actors.contains(a.actor) && a.isAllowedFrom(status)).toList();
    }
}
