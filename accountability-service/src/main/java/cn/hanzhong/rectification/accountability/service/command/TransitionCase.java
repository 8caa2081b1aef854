package cn.hanzhong.rectification.accountability.service.command;

import cn.hanzhong.rectification.accountability.domain.CaseAction;
import cn.hanzhong.rectification.accountability.domain.Decision;

import java.util.List;

/** A move in a case's life: DISMISS needs a {@code reason}, DECIDE at least one decision per subject. */
public record TransitionCase(CaseAction action, String reason, List<Decision> decisions) {
}
