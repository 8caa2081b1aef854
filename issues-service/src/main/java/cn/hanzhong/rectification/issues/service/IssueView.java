package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.domain.WarningLight;

import java.util.List;

/** An issue as one caller sees it now: its warning light today and the actions this caller may take. */
public record IssueView(Issue issue, WarningLight warningLight, List<IssueAction> allowedActions) {
}
