package cn.hanzhong.rectification.issues.service.command;

import cn.hanzhong.rectification.issues.domain.OrderAction;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An action on a supervision order with what it needs: RESPOND the response; RETURN a reason and a new
 * due date (or working days); WITHDRAW a reason; CLOSE an optional opinion (in {@code reason}).
 */
public record ActOnOrder(OrderAction action, String response, String reason, LocalDate dueDate, Integer dueWorkingDays,
                        List<UUID> evidenceIds) {
}
