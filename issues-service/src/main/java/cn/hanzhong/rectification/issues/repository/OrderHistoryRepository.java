package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.OrderHistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OrderHistoryRepository implements PanacheRepository<OrderHistoryEntry> {
}
