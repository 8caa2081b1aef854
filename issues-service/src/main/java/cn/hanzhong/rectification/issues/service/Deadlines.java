package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.DeadlineRule;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.event.IssueFacts;
import cn.hanzhong.rectification.issues.service.command.Transition;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/**
 * The rules of an issue's deadline (整改时限): how an assignment sets it (a date, or working days on
 * the PRC calendar) and how it moves later (office edit, approved extension) — always recorded and
 * published as {@code issue.deadline-changed}.
 */
@ApplicationScoped
public class Deadlines {

    /** A deadline and the rule it came from. */
    public record Scheduled(LocalDate date, DeadlineRule rule) {
    }

    private final WorkingDayCalendar calendar;
    private final History history;
    private final Outbox outbox;
    private final ProgrammeClock clock;

    public Deadlines(WorkingDayCalendar calendar, History history, Outbox outbox, ProgrammeClock clock) {
        this.calendar = calendar;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The deadline an assignment on {@code today} sets: the given date, or working days from today,
     * or else the one the issue already has; never in the past.
     */
    public Scheduled forAssignment(Issue issue, Transition.Assignment a, LocalDate today) {
        if (a.deadline() != null && a.workingDays() != null) {
            throw new InvalidInputException("deadline", "give either deadline or deadlineWorkingDays, not both");
        }
        Scheduled s;
        if (a.workingDays() != null) {
            WorkingDayCalendar.Result r = calendar.add(today, a.workingDays());
            s = new Scheduled(r.date(), DeadlineRule.workingDays(a.workingDays(), today, r.provisional()));
        } else if (a.deadline() != null) {
            s = new Scheduled(a.deadline(), DeadlineRule.fixed(a.deadline()));
        } else if (issue.deadline != null) {
            s = new Scheduled(issue.deadline, issue.deadlineRule);
        } else {
            throw new InvalidInputException("deadline", "is required to assign an issue (or deadlineWorkingDays)");
        }
        requireNotPast("deadline", s.date(), today);
        return s;
    }

    public static void requireNotPast(String field, LocalDate date, LocalDate today) {
        if (date.isBefore(today)) {
            throw new InvalidInputException(field, "must not be in the past");
        }
    }

    /**
     * Recounts a provisional working-day deadline with the calendar as it is now (a year's notice was
     * just loaded): a new date is recorded and published like any deadline change; a deadline that stays
     * only loses its provisional mark. Fixed-date deadlines never move.
     *
     * @return whether the date moved
     */
    public boolean recount(Issue issue, String reason) {
        DeadlineRule rule = issue.deadlineRule;
        if (rule == null || rule.kind() != DeadlineRule.Kind.WORKING_DAYS || !rule.provisional()) {
            return false;
        }
        WorkingDayCalendar.Result r = calendar.add(rule.from(), rule.workingDays());
        DeadlineRule recounted = DeadlineRule.workingDays(rule.workingDays(), rule.from(), r.provisional());
        LocalDate old = issue.deadline;
        issue.deadlineRule = recounted;
        issue.touch(clock.now());
        if (r.date().equals(old)) {
            history.change(issue, "CALENDAR_PUBLISHED", "deadlineRule", rule.description(), recounted.description(), reason);
            return false;
        }
        history.change(issue, "CALENDAR_PUBLISHED", "deadline", old, r.date(), reason);
        issue.deadline = r.date();
        outbox.publish(IssueEvents.TOPIC, IssueEvents.DEADLINE_CHANGED, issue.id.toString(),
                new IssueEvents.IssueDeadlineChanged(IssueFacts.of(issue), old, r.date(), reason));
        return true;
    }

    /** Moves the deadline to a fixed date, recording the old one and publishing {@code issue.deadline-changed}. */
    public void move(Issue issue, LocalDate newDeadline, String action, String reason) {
        LocalDate old = issue.deadline;
        history.change(issue, action, "deadline", old, newDeadline, reason);
        issue.deadline = newDeadline;
        issue.deadlineRule = DeadlineRule.fixed(newDeadline);
        issue.touch(clock.now());
        outbox.publish(IssueEvents.TOPIC, IssueEvents.DEADLINE_CHANGED, issue.id.toString(),
                new IssueEvents.IssueDeadlineChanged(IssueFacts.of(issue), old, newDeadline, reason));
    }
}
