package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.HistoryEntry;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.issues.repository.IssueFilter;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageRequest;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/** Reading the ledger: one issue, a search, an issue's history; a unit sees only its own issues. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IssueQueries {

    private final IssueRepository issues;
    private final HistoryEntryRepository historyEntries;
    private final IssueAccess access;
    private final IssueViews views;
    private final ProgrammeClock clock;

    public IssueQueries(IssueRepository issues, HistoryEntryRepository historyEntries, IssueAccess access,
                        IssueViews views, ProgrammeClock clock) {
        this.issues = issues;
        this.historyEntries = historyEntries;
        this.access = access;
        this.views = views;
        this.clock = clock;
    }

    /** The issue as the caller sees it, for a GET: read-only (see {@link IssueRepository#findReadOnly}). */
    public IssueView get(UUID id) {
        return views.of(access.readable(issues.findReadOnly(id), id));
    }

    /** The issue if the caller may read it, else 404. */
    public Issue readable(UUID id) {
        return access.readable(issues.findById(id), id);
    }

    /** {@code filter} narrowed to what the caller may see (a unit: its own issues). */
    public IssueFilter scoped(IssueFilter filter) {
        return access.restrictedToUnit().map(filter::visibleTo).orElse(filter);
    }

    public Page<IssueView> search(IssueFilter filter, PageRequest request) {
        IssueFilter scoped = scoped(filter);
        LocalDate today = clock.today();
        return issues.search(scoped, request, today, views.blueLimit(today)).map(views::of);
    }

    public Page<HistoryEntry> history(UUID id, PageRequest request) {
        readable(id);
        return Page.of(historyEntries.find("issueId", request.panacheSort(), id), request, Function.identity());
    }
}
