package cn.hanzhong.rectification.issues.service.command;

import cn.hanzhong.rectification.issues.domain.IssueSource;

import java.time.LocalDate;
import java.util.List;

/**
 * Register a ledger item, or (with an {@code externalId} already known) update it from the
 * provincial system. {@code code} is generated from the source when absent.
 */
public record RegisterIssue(String code, String externalId, IssueSource source, IssueContent content,
                            LocalDate deadline, String leadUnit, List<String> cooperatingUnits) {
}
