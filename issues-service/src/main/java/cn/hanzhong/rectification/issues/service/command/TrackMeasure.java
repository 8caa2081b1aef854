package cn.hanzhong.rectification.issues.service.command;

import cn.hanzhong.rectification.issues.domain.MeasureStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A change to one measure's tracking: its owner unit, its status (DONE with a date and evidence), or both. */
public record TrackMeasure(String ownerUnit, MeasureStatus status, LocalDate doneOn, List<UUID> evidenceIds) {
}
