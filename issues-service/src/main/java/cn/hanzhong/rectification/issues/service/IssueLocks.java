package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.platform.lifecycle.Versions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** How every change starts: the issue read with a row lock, 404 if invisible, 412 if {@code If-Match} is stale. */
@ApplicationScoped
public class IssueLocks {

    private final IssueRepository issues;
    private final IssueAccess access;

    public IssueLocks(IssueRepository issues, IssueAccess access) {
        this.issues = issues;
        this.access = access;
    }

    public Issue forChange(UUID id, Integer ifMatch) {
        Issue issue = access.readable(issues.findForUpdate(id).orElse(null), id);
        Versions.requireCurrent(ifMatch, issue.version);
        return issue;
    }

    /** For what only the lead unit does (progress reports, extension requests): also 403 for anyone else. */
    public Issue forLeadUnitChange(UUID id) {
        Issue issue = forChange(id, null);
        access.requireLeadUnit(issue);
        return issue;
    }
}
