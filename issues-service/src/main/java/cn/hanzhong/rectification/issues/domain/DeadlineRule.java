package cn.hanzhong.rectification.issues.domain;

import java.time.LocalDate;

/**
 * How a deadline was set: a fixed date, or a number of working days from a start date computed with
 * the PRC calendar. {@code provisional} means a year crossed had no published holiday calendar yet.
 */
public record DeadlineRule(Kind kind, Integer workingDays, LocalDate from, boolean provisional, String description) {

    public enum Kind { FIXED, WORKING_DAYS }

    public static DeadlineRule fixed(LocalDate date) {
        return new DeadlineRule(Kind.FIXED, null, null, false, "fixed date " + date);
    }

    public static DeadlineRule workingDays(int days, LocalDate from, boolean provisional) {
        return new DeadlineRule(Kind.WORKING_DAYS, days, from, provisional,
                days + " working days from " + from + (provisional ? " (provisional: holiday calendar not yet published)" : ""));
    }
}
