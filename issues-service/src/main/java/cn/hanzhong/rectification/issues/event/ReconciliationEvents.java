package cn.hanzhong.rectification.issues.event;

import java.util.UUID;

/** A reconciliation with the provincial system finished (key = reconciliation id); the counts per outcome. */
public final class ReconciliationEvents {

    public static final String COMPLETED = "reconciliation.completed";

    private ReconciliationEvents() {
    }

    public record Completed(UUID id, String source, int matched, int different, int onlyHere, int onlyThere, int invalid,
                            boolean anythingDiffers) {
    }
}
