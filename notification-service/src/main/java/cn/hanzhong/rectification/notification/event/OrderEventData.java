package cn.hanzhong.rectification.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** This service's tolerant copy of a supervision order event's facts; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderEventData(UUID id, String number, String level, String unit, List<UUID> issueIds, String status,
                             LocalDate dueDate, Integer returnCount) {
}
