package cn.hanzhong.rectification.accountability.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A review of the decision on one subject: the outcome, the sanction before and after (after is null
 * when revoked), by which body, document number (文号) and date, and why.
 */
public record Review(UUID subjectId, ReviewOutcome outcome, Sanction sanctionBefore, Sanction sanctionAfter,
                     String decidingBody, String documentNumber, LocalDate date, String reason) {
}
