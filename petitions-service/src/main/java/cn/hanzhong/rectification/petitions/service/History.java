package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.HistoryEntry;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.repository.HistoryEntryRepository;
import cn.hanzhong.rectification.platform.history.ChangeLog;
import cn.hanzhong.rectification.platform.history.HistoryWriter;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends to a petition's history ({@code petition_history}). */
@ApplicationScoped
public class History extends HistoryWriter<Petition, HistoryEntry> {

    private final HistoryEntryRepository repository;

    public History(HistoryEntryRepository repository, ChangeLog changeLog) {
        super(changeLog);
        this.repository = repository;
    }

    @Override
    protected HistoryEntry lineFor(Petition subject) {
        HistoryEntry line = new HistoryEntry();
        line.petitionId = subject.id;
        return line;
    }

    @Override
    protected void store(HistoryEntry line) {
        repository.persist(line);
    }
}
