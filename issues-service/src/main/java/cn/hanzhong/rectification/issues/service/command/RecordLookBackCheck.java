package cn.hanzhong.rectification.issues.service.command;

import cn.hanzhong.rectification.issues.domain.LookBackOutcome;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a look-back check found, with its evidence; RECURRED and PAPER_RECTIFICATION reopen the issue and
 * need the new deadline ({@code deadline} or {@code deadlineWorkingDays}).
 */
public record RecordLookBackCheck(LookBackOutcome outcome, String findings, LocalDate checkedOn, List<UUID> evidenceIds,
                                  LocalDate deadline, Integer deadlineWorkingDays) {
}
