package cn.hanzhong.rectification.issues.domain;

/** The record a file of the dossier (一案一档) was submitted with. */
public enum EvidenceRecord {
    PROGRESS_REPORT("月度进展报告"),
    ACCEPTANCE_REQUEST("销号申请"),
    ORDER_RESPONSE("督办回复"),
    LOOK_BACK_CHECK("回头看核查"),
    MEASURE("整改措施完成佐证");

    private final String label;

    EvidenceRecord(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
