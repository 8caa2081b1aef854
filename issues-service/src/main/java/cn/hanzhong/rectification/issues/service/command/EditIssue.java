package cn.hanzhong.rectification.issues.service.command;

import java.time.LocalDate;
import java.util.List;

/** An office edit: only what is present changes; a deadline change needs the {@code reason}. */
public record EditIssue(IssueContent content, LocalDate deadline, List<String> cooperatingUnits, String reason) {
}
