package cn.hanzhong.rectification.accountability.repository;

import cn.hanzhong.rectification.accountability.domain.HistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;


@ApplicationScoped
public class HistoryEntryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {
}
