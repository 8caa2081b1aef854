package cn.hanzhong.rectification.issues.domain;

import cn.hanzhong.rectification.platform.history.ChangeLogEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/** One append-only line of a supervision order's history. */
@Entity
@Immutable
@Table(name = "supervision_order_history")
public class OrderHistoryEntry extends ChangeLogEntry {

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    public static OrderHistoryEntry of(UUID id) {
        OrderHistoryEntry line = new OrderHistoryEntry();
        line.orderId = id;
        return line;
    }
}
