package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** Where a public notice of sign-off (销号公示) stands. */
public enum NoticeStatus implements Labelled {
    OPEN("公示中"),
    SIGNED_OFF("公示期满，已销号"),
    OBJECTION_UPHELD("异议成立，退回整改"),
    WITHDRAWN("已撤销");

    private final String label;

    NoticeStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
