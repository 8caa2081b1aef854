package cn.hanzhong.rectification.platform.calendar;

import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar.YearSchedule;
import cn.hanzhong.rectification.platform.errors.Problem;
import cn.hanzhong.rectification.platform.events.MalformedEventException;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The holiday notices loaded after the build (table {@code calendar_year}): validated, stored in the
 * service's own database, applied to the {@link WorkingDayCalendar} at start-up and whenever another
 * instance stored one (checked every minute). A stored year replaces the bundled one.
 */
@ApplicationScoped
public class CalendarYears {

    /** The event the owner of the calendar (issues-service) publishes when a year's notice is loaded. */
    public static final String UPDATED = "calendar.updated";

    /** The payload of {@value #UPDATED}. */
    public record Notice(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, String source) {
    }

    private static final Logger LOG = Logger.getLogger(CalendarYears.class);

    private final EntityManager em;
    private final WorkingDayCalendar calendar;
    private final TransactionSynchronizationRegistry transactions;
    private final ProgrammeClock clock;
    private volatile OffsetDateTime lastSeen;
    private ScheduledExecutorService refresher;

    public CalendarYears(EntityManager em, WorkingDayCalendar calendar, TransactionSynchronizationRegistry transactions,
                         ProgrammeClock clock) {
        this.em = em;
        this.calendar = calendar;
        this.transactions = transactions;
        this.clock = clock;
    }

    void start(@Observes @Priority(5000) StartupEvent event) {
        refresh();
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "calendar-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** The violations of a year's notice: dates outside the year, a day both off and worked, a make-up day on a weekday. */
    public static List<Problem.Violation> validate(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            violations.add(new Problem.Violation("year", "must be between 2000 and 2100"));
        }
        Set<LocalDate> off = new HashSet<>(holidays);
        for (int i = 0; i < holidays.size(); i++) {
            if (holidays.get(i).getYear() != year) {
                violations.add(new Problem.Violation("holidays[" + i + "]", holidays.get(i) + " is not in " + year));
            }
        }
        for (int i = 0; i < makeUpWorkdays.size(); i++) {
            LocalDate d = makeUpWorkdays.get(i);
            String field = "makeUpWorkdays[" + i + "]";
            if (d.getYear() != year) {
                violations.add(new Problem.Violation(field, d + " is not in " + year));
            } else if (off.contains(d)) {
                violations.add(new Problem.Violation(field, d + " is also listed as a holiday"));
            } else if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                violations.add(new Problem.Violation(field, d + " is a " + d.getDayOfWeek()
                        + "; a make-up working day is a Saturday or Sunday"));
            }
        }
        return violations;
    }

    /** What the calendar holds for {@code year}: a loaded notice, or empty (weekends only, provisional). */
    public Optional<YearSchedule> schedule(int year) {
        return Optional.ofNullable(calendar.schedule(year));
    }

    /**
     * Stores and applies a year's notice in the caller's transaction (the calendar changes at once, so
     * the caller can recompute with it, and is put back if the transaction rolls back).
     *
     * @return false when the same notice was already in force (nothing stored)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(YearSchedule schedule) {
        YearSchedule before = calendar.schedule(schedule.year());
        if (before != null && before.holidays().equals(schedule.holidays())
                && before.makeUpWorkdays().equals(schedule.makeUpWorkdays())) {
            return false;
        }
        em.createNativeQuery("""
                        insert into calendar_year (year, holidays, make_up_workdays, source, updated_at)
                        values (:year, cast(:holidays as date[]), cast(:workdays as date[]), :source, :at)
                        on conflict (year) do update set holidays = excluded.holidays,
                          make_up_workdays = excluded.make_up_workdays, source = excluded.source,
                          updated_at = excluded.updated_at""")
                .setParameter("year", schedule.year())
                .setParameter("holidays", array(schedule.holidays()))
                .setParameter("workdays", array(schedule.makeUpWorkdays()))
                .setParameter("source", schedule.source())
                .setParameter("at", clock.now())
                .executeUpdate();
        calendar.publish(schedule);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    if (before != null) {
                        calendar.publish(before);
                    } else {
                        calendar.withdraw(schedule.year());
                    }
                }
            }
        });
        return true;
    }

    /**
     * Stores and applies a notice another service published, in the consumer's transaction; one that
     * does not validate can never be applied and goes to the dead-letter topic.
     *
     * @return false when the same notice was already in force
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(Notice n) {
        List<LocalDate> holidays = n.holidays() == null ? List.of() : n.holidays();
        List<LocalDate> workdays = n.makeUpWorkdays() == null ? List.of() : n.makeUpWorkdays();
        List<Problem.Violation> violations = validate(n.year(), holidays, workdays);
        if (!violations.isEmpty()) {
            throw new MalformedEventException(UPDATED + " for " + n.year() + " does not validate: " + violations);
        }
        return store(new YearSchedule(n.year(), new HashSet<>(holidays), new HashSet<>(workdays),
                n.source() != null ? n.source() : UPDATED));
    }

    /** Applies every stored notice newer than the last one seen. */
    public void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select year, cast(holidays as text), cast(make_up_workdays as text), source, updated_at
                            from calendar_year where updated_at > :since order by updated_at""")
                    .setParameter("since", lastSeen != null ? lastSeen : OffsetDateTime.parse("2000-01-01T00:00Z"))
                    .getResultList();
            for (Object[] r : rows) {
                calendar.publish(new YearSchedule(((Number) r[0]).intValue(), dates((String) r[1]), dates((String) r[2]),
                        (String) r[3]));
                lastSeen = r[4] instanceof OffsetDateTime t ? t : OffsetDateTime.parse(r[4].toString().replace(' ', 'T'));
            }
        });
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debugf(e, "Calendar refresh failed; trying again in a minute");
        }
    }

    private static String array(Set<LocalDate> dates) {
        return "{" + String.join(",", dates.stream().sorted().map(LocalDate::toString).toList()) + "}";
    }

    private static Set<LocalDate> dates(String pgArray) {
        String inner = pgArray.substring(1, pgArray.length() - 1).strip();
        Set<LocalDate> out = new HashSet<>();
        if (!inner.isEmpty()) {
            Arrays.stream(inner.split(",")).map(String::strip).map(LocalDate::parse).forEach(out::add);
        }
        return out;
    }
}
