package cn.hanzhong.rectification.accountability.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** Tolerant copy of the fields read from {@code rectification.petitions} events. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PetitionEventData(UUID id, String caseNumber, String district, String leadUnit, String status,
                                Integer personsHeldAccountable) {
}
