package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.HistoryEntry;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.platform.history.ChangeLog;
import cn.hanzhong.rectification.platform.history.HistoryWriter;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends to an issue's history ({@code issue_history}). */
@ApplicationScoped
public class History extends HistoryWriter<Issue, HistoryEntry> {

    private final HistoryEntryRepository repository;

    public History(HistoryEntryRepository repository, ChangeLog changeLog) {
        super(changeLog);
        this.repository = repository;
    }

    @Override
    protected HistoryEntry lineFor(Issue subject) {
        HistoryEntry line = new HistoryEntry();
        line.issueId = subject.id;
        return line;
    }

    @Override
    protected void store(HistoryEntry line) {
        repository.persist(line);
    }
}
