package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.HistoryEntry;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.platform.history.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends to a petition's history, attributed to the caller (or the system, in jobs). */
@ApplicationScoped
public class History {

    private final HistoryEntryRepository repository;
    private final ChangeLog changeLog;

    public History(HistoryEntryRepository repository, ChangeLog changeLog) {
        this.repository = repository;
        this.changeLog = changeLog;
    }

    /** Records an action without a field change. */
    public void action(Petition subject, String action, String reason) {
        write(subject, action, null, null, null, reason);
    }

    /** Records a field change if the value really changed. */
    public void change(Petition subject, String action, String field, Object oldValue, Object newValue, String reason) {
        write(subject, action, field, oldValue, newValue, reason);
    }

    private void write(Petition subject, String action, String field, Object oldValue, Object newValue, String reason) {
        HistoryEntry e = new HistoryEntry();
        e.petitionId = subject.id;
        if (changeLog.fill(e, action, field, oldValue, newValue, reason)) {
            repository.persist(e);
        }
    }
}
