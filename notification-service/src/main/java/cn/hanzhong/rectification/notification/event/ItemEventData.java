package cn.hanzhong.rectification.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * This service's tolerant copy of the fields it reads from issue, petition and accountability
 * events (the producers' facts records plus the change fields); unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemEventData(UUID id, String code, String caseNumber, String title, String leadUnit,
                            List<String> cooperatingUnits, LocalDate deadline, Boolean deadlineProvisional, String status, String action,
                            String from, String to, String reason, String summary, List<String> subjectUnits,
                            String source, String period, LocalDate oldDeadline, LocalDate newDeadline,
                            LocalDate proposedDeadline, String decision, String note) {
}
