package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.OrderAction;
import cn.hanzhong.rectification.issues.domain.OrderStatus;
import cn.hanzhong.rectification.issues.domain.SupervisionLevel;
import cn.hanzhong.rectification.issues.service.SupervisionOrders;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A supervision order as its readers see it. */
@Schema(name = "SupervisionOrder")
public record SupervisionOrderResponse(UUID id, String number, SupervisionLevel level, String levelLabel, String unit,
                                       List<UUID> issueIds, String problem, String requirements, LocalDate dueDate,
                                       OrderStatus status, String statusLabel,
                                       @Schema(description = "Past its due date without a response") boolean overdue,
                                       String response, OffsetDateTime respondedAt, int returnCount, String closingOpinion,
                                       String issuedBy, OffsetDateTime issuedAt, OffsetDateTime updatedAt,
                                       List<OrderAction> allowedActions, int version) {

    public static SupervisionOrderResponse of(SupervisionOrders.View v) {
        var o = v.order();
        return new SupervisionOrderResponse(o.id, o.number, o.level, o.level.label(), o.unit, List.copyOf(o.issueIds), o.problem,
                o.requirements, o.dueDate, o.status, o.status.label(), v.overdue(), o.response, o.respondedAt, o.returnCount,
                o.closingOpinion, o.issuedBy, o.issuedAt, o.updatedAt, v.allowedActions(), o.version);
    }
}
