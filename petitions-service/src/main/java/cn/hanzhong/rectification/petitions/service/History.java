package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.HistoryEntry;
import cn.hanzhong.rectification.petitions.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.platform.history.ChangeLog;
import cn.hanzhong.rectification.platform.history.HistoryWriter;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends to a petition's history ({@code petition_history}). */
@ApplicationScoped
public class History extends HistoryWriter<Petition, HistoryEntry> {

    public History(HistoryEntryRepository lines, ChangeLog changeLog) {
        super(changeLog, subject -> HistoryEntry.of(subject.id), lines::persist);
    }
}
