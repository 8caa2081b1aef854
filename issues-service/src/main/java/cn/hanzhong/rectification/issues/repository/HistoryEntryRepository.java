package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.HistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class HistoryEntryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {
}
