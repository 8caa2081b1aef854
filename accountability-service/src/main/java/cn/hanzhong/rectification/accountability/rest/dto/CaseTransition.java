package cn.hanzhong.rectification.accountability.rest.dto;

import cn.hanzhong.rectification.accountability.domain.CaseAction;
import cn.hanzhong.rectification.accountability.service.command.TransitionCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** OPEN, DISMISS (reason), START_INVESTIGATION, DECIDE (decisions, at least one per subject), CLOSE. */
@Schema(name = "AccountabilityCaseTransition")
public record CaseTransition(@NotNull CaseAction action, @Size(max = 5000) String reason,
                             @Valid List<DecisionDto> decisions) {

    public TransitionCase toCommand() {
        return new TransitionCase(action, reason, decisions == null ? null : decisions.stream().map(DecisionDto::toDomain).toList());
    }
}
