package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** What the public sees of an issue (信息公开): no officials, reasons, evidence or internal notes. */
@Schema(name = "PublicIssue")
public record PublicIssue(String code, String title, Category category, String categoryLabel,
                          String leadUnit, String leadUnitName, LocalDate deadline,
                          IssueStatus status, String statusLabel, int progressPercent) {
}
