package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.event.CalendarEvents;
import cn.hanzhong.rectification.issues.event.IssueEvents;
import cn.hanzhong.rectification.issues.repository.IssueRepository;
import cn.hanzhong.rectification.platform.calendar.CalendarYears;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar.YearSchedule;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.security.UnitScope;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The programme's working-day calendar (PRC holidays with 调休). The office loads each next year's
 * notice when the State Council publishes it; provisional deadlines that cross that year are then
 * recounted, and the notice is published ({@code calendar.updated}) so the other services count alike.
 */
@ApplicationScoped
@Transactional
public class CalendarService {

    /** A year as the API shows it. */
    @Schema(name = "CalendarYear", description = "A year's holiday notice; published=false: weekends only, deadlines "
            + "counted through it are provisional")
    public record CalendarYear(int year, boolean published, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays,
                               String source) {
    }

    /** The outcome of loading a year: whether anything changed and how many deadlines moved. */
    @Schema(name = "CalendarLoad")
    public record Loaded(CalendarYear year, boolean changed, int deadlinesRecounted, int deadlinesMoved) {
    }

    private final CalendarYears years;
    private final IssueRepository issues;
    private final Deadlines deadlines;
    private final UnitScope scope;
    private final Outbox outbox;

    public CalendarService(CalendarYears years, IssueRepository issues, Deadlines deadlines, UnitScope scope,
                           Outbox outbox) {
        this.years = years;
        this.issues = issues;
        this.deadlines = deadlines;
        this.scope = scope;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarYear get(int year) {
        Optional<YearSchedule> s = years.schedule(year);
        return s.map(CalendarService::view)
                .orElse(new CalendarYear(year, false, List.of(), List.of(), null));
    }

    public Loaded load(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, String source) {
        scope.requireOffice();
        List<Problem.Violation> violations = CalendarYears.validate(year, holidays, makeUpWorkdays);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        YearSchedule schedule = new YearSchedule(year, new HashSet<>(holidays), new HashSet<>(makeUpWorkdays),
                source != null && !source.isBlank() ? source : "loaded through the API");
        if (!years.store(schedule)) {
            return new Loaded(view(schedule), false, 0, 0);
        }
        String reason = "calendar " + year + " published";
        List<Issue> provisional = issues.lockProvisionalAcross(year);
        int moved = 0;
        for (Issue issue : provisional) {
            if (deadlines.recount(issue, reason)) {
                moved++;
            }
        }
        CalendarYear view = view(schedule);
        outbox.publish(IssueEvents.TOPIC, CalendarEvents.UPDATED, "calendar-" + year,
                new CalendarEvents.CalendarUpdated(year, view.holidays(), view.makeUpWorkdays(), view.source()));
        return new Loaded(view, true, provisional.size(), moved);
    }

    private static CalendarYear view(YearSchedule s) {
        return new CalendarYear(s.year(), true, s.holidays().stream().sorted().toList(),
                s.makeUpWorkdays().stream().sorted().toList(), s.source());
    }
}
