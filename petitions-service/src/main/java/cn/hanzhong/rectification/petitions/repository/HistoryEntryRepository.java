package cn.hanzhong.rectification.petitions.repository;

import cn.hanzhong.rectification.petitions.domain.HistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class HistoryEntryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {
}
