package cn.hanzhong.rectification.accountability.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** This service's tolerant copy of a supervision order event's facts. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderEventData(UUID id, String number, String unit, List<UUID> issueIds, LocalDate dueDate, Integer returnCount) {
}
