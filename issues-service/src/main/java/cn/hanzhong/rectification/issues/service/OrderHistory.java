package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.OrderHistoryEntry;
import cn.hanzhong.rectification.issues.domain.SupervisionOrder;
import cn.hanzhong.rectification.issues.repository.OrderHistoryRepository;
import cn.hanzhong.rectification.platform.history.ChangeLog;
import cn.hanzhong.rectification.platform.history.HistoryWriter;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends to a supervision order's history ({@code supervision_order_history}). */
@ApplicationScoped
public class OrderHistory extends HistoryWriter<SupervisionOrder, OrderHistoryEntry> {

    public OrderHistory(OrderHistoryRepository lines, ChangeLog changeLog) {
        super(changeLog, o -> OrderHistoryEntry.of(o.id), lines::persist);
    }
}
