package cn.hanzhong.rectification.accountability.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The lifecycle of a case as data; office and discipline bodies take every action. */
public enum CaseAction implements Labelled {
    OPEN("立案", CaseStatus.OPENED, CaseStatus.PROPOSED),
    DISMISS("不予立案", CaseStatus.DISMISSED, CaseStatus.PROPOSED),
    START_INVESTIGATION("开始调查", CaseStatus.INVESTIGATING, CaseStatus.OPENED),
    DECIDE("作出处理决定", CaseStatus.DECIDED, CaseStatus.INVESTIGATING),
    CLOSE("结案", CaseStatus.CLOSED, CaseStatus.DECIDED);

    private final String label;
    private final CaseStatus target;
    private final Set<CaseStatus> from;

    CaseAction(String label, CaseStatus target, CaseStatus... from) {
        this.label = label;
        this.target = target;
        this.from = EnumSet.copyOf(Arrays.asList(from));
    }

    @Override
    public String label() {
        return label;
    }

    public CaseStatus target() {
        return target;
    }

    public boolean isAllowedFrom(CaseStatus status) {
        return from.contains(status);
    }

    public static List<CaseAction> allowed(CaseStatus status) {
        return Arrays.stream(values()).filter(a -> a.isAllowedFrom(status)).toList();
    }
}
