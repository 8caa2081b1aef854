package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionAction;

import java.util.List;

/** A petition as one caller sees it now: whether it is overdue today, the actions this caller may take. */
public record PetitionView(Petition petition, boolean overdue, List<PetitionAction> allowedActions) {
}
