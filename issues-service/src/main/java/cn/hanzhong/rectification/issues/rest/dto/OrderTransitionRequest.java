package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.OrderAction;
import cn.hanzhong.rectification.issues.service.command.ActOnOrder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An action on a supervision order. */
@Schema(name = "SupervisionOrderTransition")
public record OrderTransitionRequest(
        @NotNull OrderAction action,
        @Schema(description = "RESPOND: what was done") @Size(max = 20000) String response,
        @Schema(description = "RETURN, WITHDRAW: why (required); CLOSE: the office's opinion") @Size(max = 5000) String reason,
        @Schema(description = "RETURN: the new due date (or dueWorkingDays)") LocalDate dueDate,
        @Schema(description = "RETURN: the new due date in working days from today") @Min(1) @Max(250) Integer dueWorkingDays,
        @Schema(description = "RESPOND: evidence files uploaded to the order's issues that go with the response")
        @Size(max = 200) List<UUID> evidenceIds) {

    public ActOnOrder toCommand() {
        return new ActOnOrder(action, response, reason, dueDate, dueWorkingDays, evidenceIds);
    }
}
