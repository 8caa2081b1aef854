package cn.hanzhong.rectification.petitions.domain;

import cn.hanzhong.rectification.platform.vocabulary.Labelled;

/** The petitioner's feedback (群众满意度). */
public enum Feedback implements Labelled {
    SATISFIED("满意"),
    UNSATISFIED("不满意"),
    UNREACHABLE("无法联系");

    private final String label;

    Feedback(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
