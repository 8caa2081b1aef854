package cn.hanzhong.rectification.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/** This service's tolerant copy of an implementation-plan event's facts; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanEventData(UUID id, String unit, String programme, LocalDate dueDate, String status, Integer submissions,
                            String title, String documentNumber) {
}
