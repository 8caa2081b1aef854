package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.HistoryEntry;
import cn.hanzhong.rectification.issues.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.platform.history.ChangeLog;
import cn.hanzhong.rectification.platform.history.HistoryWriter;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends to an issue's history ({@code issue_history}). */
@ApplicationScoped
public class History extends HistoryWriter<Issue, HistoryEntry> {

    public History(HistoryEntryRepository lines, ChangeLog changeLog) {
        super(changeLog, subject -> HistoryEntry.of(subject.id), lines::persist);
    }
}
