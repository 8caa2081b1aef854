package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionAction;

import java.util.List;

/**
 * A petition as one caller sees it now: whether it is overdue today, the actions this caller may take,
 * and its free text as this caller may read it (raw for the office, pseudonymised for everyone else).
 */
public record PetitionView(Petition petition, boolean overdue, List<PetitionAction> allowedActions, FreeText text) {

    /** The petition's free-text fields, which may name the reporter or third parties. */
    public record FreeText(String content, String location, String investigation, String handlingNarrative,
                           String accountabilityNote, String publicReply, String feedbackNote) {
    }
}
