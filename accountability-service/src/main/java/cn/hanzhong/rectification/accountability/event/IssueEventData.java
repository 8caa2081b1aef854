package cn.hanzhong.rectification.accountability.event;

import cn.hanzhong.rectification.accountability.domain.ResponsibleOfficial;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * This service's tolerant copy of the fields it reads from {@code rectification.issues} events
 * (the issues service's {@code IssueFacts} plus the change fields); unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueEventData(UUID id, String code, String title, String leadUnit, LocalDate deadline, String status,
                             Integer rejectionCount, String action, String reason, LocalDate overdueSince,
                             LocalDate newDeadline, List<ResponsibleOfficial> responsibleOfficials,
                             UUID lookBackId, UUID checkId, String checkerUnit, LocalDate checkedOn, String findings) {
}
