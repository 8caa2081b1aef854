package cn.hanzhong.rectification.petitions.rest.dto;

import cn.hanzhong.rectification.petitions.domain.Completion;
import cn.hanzhong.rectification.petitions.domain.Finding;
import cn.hanzhong.rectification.petitions.domain.PetitionAction;
import cn.hanzhong.rectification.petitions.service.command.PetitionTransition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A move in a petition's life. ASSIGN takes {@code leadUnit}, {@code cooperatingUnits} and optionally
 * {@code deadline} (else the batch rule); CONCLUDE takes {@code finding}, {@code investigation},
 * {@code handling}, {@code completion}, {@code publicReply} and {@code accountability}; RETURN and
 * REOPEN a {@code reason}; MARK_DUPLICATE {@code duplicateOf}.
 */
@Schema(name = "PetitionTransitionRequest")
public record TransitionRequest(
        @NotNull PetitionAction action,
        @Size(max = 5000) String reason,
        @Size(max = 40) String leadUnit,
        List<@NotBlank @Size(max = 40) String> cooperatingUnits,
        LocalDate deadline,
        Finding finding,
        @Schema(description = "调查核实情况") @Size(max = 20000) String investigation,
        @Valid HandlingDto handling,
        Completion completion,
        @Schema(description = "Answer to the petitioner / the public") @Size(max = 20000) String publicReply,
        @Schema(description = "责任追究情况") @Size(max = 20000) String accountability,
        @Schema(description = "The case this one repeats") UUID duplicateOf) {

    public PetitionTransition toCommand() {
        return new PetitionTransition(action, reason, new PetitionTransition.Assignment(leadUnit, cooperatingUnits, deadline),
                new PetitionTransition.Conclusion(finding, investigation, handling == null ? null : handling.toDomain(),
                        completion, publicReply, accountability),
                duplicateOf);
    }
}
