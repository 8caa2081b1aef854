package cn.hanzhong.rectification.issues.service.command;

import cn.hanzhong.rectification.issues.domain.SupervisionLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the office gives to issue a supervision order: a number (else generated), the due date or working days. */
public record IssueOrder(String number, SupervisionLevel level, List<UUID> issueIds, String problem, String requirements,
                         LocalDate dueDate, Integer dueWorkingDays) {
}
