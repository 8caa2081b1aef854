package cn.hanzhong.rectification.accountability.domain;

import java.time.LocalDate;
import java.util.UUID;

/** The decision on one subject: sanction, deciding body, document number (文号), date. */
public record Decision(UUID subjectId, Sanction sanction, String decidingBody, String documentNumber, LocalDate date) {
}
