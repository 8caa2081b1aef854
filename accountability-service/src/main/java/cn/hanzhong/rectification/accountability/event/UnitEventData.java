package cn.hanzhong.rectification.accountability.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's copy of the fields of {@code unit.registered} / {@code unit.changed}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitEventData(String code, String name, String kind, Boolean active) {
}
