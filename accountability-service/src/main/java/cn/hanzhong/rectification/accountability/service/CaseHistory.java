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

    public CaseHistory(HistoryEntryRepository lines, ChangeLog changeLog) {
        super(changeLog, subject -> HistoryEntry.of(subject.id), lines::persist);
    }
}
