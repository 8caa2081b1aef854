package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.repository.IssueFilter;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.issues.rest.dto.PublicIssue;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Map;

/** The public view of the ledger: the disclosed fields only, with unit names. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicIssueService {

    private final IssueRepository issues;
    private final UnitService units;
    private final IssueService ledger;

    public PublicIssueService(IssueRepository issues, UnitService units, IssueService ledger) {
        this.issues = issues;
        this.units = units;
        this.ledger = ledger;
    }

    public Page<PublicIssue> list(IssueFilter filter, PageRequest request) {
        LocalDate today = IssueService.today();
        Page<Issue> page = issues.search(filter, request, today, ledger.blueLimit(today));
        Map<String, String> names = units.names(page.items().stream().map(i -> i.leadUnit)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return page.map(i -> new PublicIssue(i.code, i.title, i.category, i.category.label(), i.leadUnit,
                i.leadUnit == null ? null : names.get(i.leadUnit), i.deadline, i.status, i.status.label(),
                i.progressPercent));
    }
}
