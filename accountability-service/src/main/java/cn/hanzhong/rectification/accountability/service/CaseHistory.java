package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.domain.AccountabilityCase;
import cn.hanzhong.rectification.accountability.domain.HistoryEntry;
import cn.hanzhong.rectification.accountability.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.platform.history.ChangeLog;
import cn.hanzhong.rectification.platform.history.HistoryWriter;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends to a case's history ({@code case_history}). */
@ApplicationScoped
public class CaseHistory extends HistoryWriter<AccountabilityCase, HistoryEntry> {

    private final HistoryEntryRepository repository;

    public CaseHistory(HistoryEntryRepository repository, ChangeLog changeLog) {
        super(changeLog);
        this.repository = repository;
    }

    @Override
    protected HistoryEntry lineFor(AccountabilityCase subject) {
        HistoryEntry line = new HistoryEntry();
        line.caseId = subject.id;
        return line;
    }

    @Override
    protected void store(HistoryEntry line) {
        repository.persist(line);
    }
}
