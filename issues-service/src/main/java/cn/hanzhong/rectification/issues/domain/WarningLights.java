package cn.hanzhong.rectification.issues.domain;

import java.time.LocalDate;

/**
 * The warning light rule (DESIGN.md): RED overdue; YELLOW behind plan; BLUE deadline within the
 * warning window; GREEN on track or closed. The same rule is written as SQL in the issue search, so
 * a filter by light returns exactly the issues shown with that light.
 */
public final class WarningLights {

    private WarningLights() {
    }

    /**
     * @param blueLimit the last day of the warning window (today + window)
     */
    public static WarningLight of(IssueStatus status, LocalDate deadline, LocalDate behindFrom,
                                  LocalDate today, LocalDate blueLimit) {
        if (!status.isOpen()) {
            return WarningLight.GREEN;
        }
        if (deadline != null && deadline.isBefore(today)) {
            return WarningLight.RED;
        }
        if (behindFrom != null && !behindFrom.isAfter(today)) {
            return WarningLight.YELLOW;
        }
        if (deadline != null && !deadline.isAfter(blueLimit)) {
            return WarningLight.BLUE;
        }
        return WarningLight.GREEN;
    }
}
