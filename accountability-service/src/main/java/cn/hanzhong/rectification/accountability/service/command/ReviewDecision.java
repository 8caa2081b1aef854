package cn.hanzhong.rectification.accountability.service.command;

import cn.hanzhong.rectification.accountability.domain.ReviewOutcome;
import cn.hanzhong.rectification.accountability.domain.Sanction;

import java.time.LocalDate;
import java.util.UUID;

/** The outcome of a review or appeal (复核/申诉) of the decision on one subject; CHANGED gives the new sanction. */
public record ReviewDecision(UUID subjectId, ReviewOutcome outcome, Sanction sanction, String decidingBody,
                             String documentNumber, LocalDate date, String reason) {
}
