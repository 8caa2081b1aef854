package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.repository.IssueFilter;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/** The public view of the ledger: the disclosed fields only, with unit names. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicIssueService {

    private final IssueRepository issues;
    private final UnitService units;
    private final IssueViews views;
    private final ProgrammeClock clock;

    public PublicIssueService(IssueRepository issues, UnitService units, IssueViews views, ProgrammeClock clock) {
        this.issues = issues;
        this.units = units;
        this.views = views;
        this.clock = clock;
    }

    public Page<PublicIssue> list(IssueFilter filter, PageRequest request) {
        LocalDate today = clock.today();
        Page<Issue> page = issues.search(filter, request, today, views.blueLimit(today));
        Map<String, String> names = units.names(page.items().stream().map(i -> i.leadUnit)
                .filter(Objects::nonNull).distinct().toList());
        return page.map(i -> new PublicIssue(i.code, i.title, i.category, i.category.label(), i.leadUnit,
                i.leadUnit == null ? null : names.get(i.leadUnit), i.deadline, i.status, i.status.label(),
                i.progressPercent));
    }
}
