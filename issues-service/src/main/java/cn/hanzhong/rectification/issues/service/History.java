package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.HistoryEntry;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.platform.history.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends to a issue's history, attributed to the caller (or the system, in jobs). */
@ApplicationScoped
public class History {

    private final HistoryEntryRepository repository;
    private final ChangeLog changeLog;

    public History(HistoryEntryRepository repository, ChangeLog changeLog) {
        this.repository = repository;
        this.changeLog = changeLog;
    }

    /** Records an action without a field change. */
    public void action(Issue subject, String action, String reason) {
        write(subject, action, null, null, null, reason);
    }

    /** Records a field change if the value really changed. */
    public void change(Issue subject, String action, String field, Object oldValue, Object newValue, String reason) {
        write(subject, action, field, oldValue, newValue, reason);
    }

    private void write(Issue subject, String action, String field, Object oldValue, Object newValue, String reason) {
        HistoryEntry e = new HistoryEntry();
        e.issueId = subject.id;
        if (changeLog.fill(e, action, field, oldValue, newValue, reason)) {
            repository.persist(e);
        }
    }
}
