package cn.hanzhong.rectification.petitions.service.command;

import cn.hanzhong.rectification.petitions.domain.Completion;
import cn.hanzhong.rectification.petitions.domain.Finding;
import cn.hanzhong.rectification.petitions.domain.Handling;
import cn.hanzhong.rectification.petitions.domain.PetitionAction;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A move in a petition's life, with what the action needs: ASSIGN an {@link Assignment} (no deadline:
 * the batch's working-day rule), CONCLUDE a {@link Conclusion}, MARK_DUPLICATE {@code duplicateOf},
 * RETURN and REOPEN a {@code reason}. Parts an action does not use are ignored.
 */
public record PetitionTransition(PetitionAction action, String reason, Assignment assignment, Conclusion conclusion,
                                 UUID duplicateOf) {

    public record Assignment(String leadUnit, List<String> cooperatingUnits, LocalDate deadline) {
    }

    /** The investigation's result (办理结果): finding, what was found and done, completion, the reply. */
    public record Conclusion(Finding finding, String investigation, Handling handling, Completion completion,
                             String publicReply, String accountability) {
    }
}
