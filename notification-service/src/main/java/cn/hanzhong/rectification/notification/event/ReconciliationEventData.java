package cn.hanzhong.rectification.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** This service's tolerant copy of a reconciliation's counts; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReconciliationEventData(UUID id, String source, int matched, int different, int onlyHere, int onlyThere, int invalid,
                                      boolean anythingDiffers) {
}
