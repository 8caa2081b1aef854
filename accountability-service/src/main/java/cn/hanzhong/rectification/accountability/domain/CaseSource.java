package cn.hanzhong.rectification.accountability.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Where an accountability case came from. */
public enum CaseSource implements Labelled {
    HANDED_OVER_BY_INSPECTION("督察组移交"),
    OVERDUE_RECTIFICATION("逾期未完成整改"),
    REPEATED_REJECTION("验收多次未通过（疑似搞变通、打折扣）"),
    LOOK_BACK_RECURRENCE("回头看问题反弹"),
    PAPER_RECTIFICATION("回头看发现虚假整改、表面整改"),
    PETITION("信访件问责"),
    SUPERVISION_ORDER("督办事项逾期未反馈或多次退办"),
    SELF_INITIATED("自行启动");

    private final String label;

    CaseSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
