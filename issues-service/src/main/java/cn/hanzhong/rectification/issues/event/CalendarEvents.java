package cn.hanzhong.rectification.issues.event;

import cn.hanzhong.rectification.platform.calendar.CalendarYears;

import java.time.LocalDate;
import java.util.List;

/**
 * The working-day calendar, which this service keeps for the programme: when the office loads a
 * year's holiday notice it is published on {@link IssueEvents#TOPIC} (key {@code calendar-YYYY}) and the
 * other services that count working days store and apply it.
 */
public final class CalendarEvents {

    public static final String UPDATED = CalendarYears.UPDATED;

    /** A year's notice: the days off and the make-up working days (调休上班), sorted. */
    public record CalendarUpdated(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, String source) {
    }

    private CalendarEvents() {
    }
}
