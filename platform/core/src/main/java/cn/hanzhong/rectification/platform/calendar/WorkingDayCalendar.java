package cn.hanzhong.rectification.platform.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days in the PRC: weekends are off, statutory holidays are off, and make-up working days
 * (调休) are worked even on a Saturday or Sunday. Holiday data is kept per year as the State Council
 * publishes it; a year without data counts weekends only and is {@linkplain #isProvisional provisional},
 * so deadlines derived through it can be flagged and recomputed once the notice is loaded.
 *
 * <p>Thread-safe; years can be (re)loaded while it is in use.
 */
public final class WorkingDayCalendar {

    /** One year's notice: the days off and the make-up working days, with their source. */
    public record YearSchedule(int year, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays, String source) {
        public YearSchedule {
            holidays = Set.copyOf(holidays);
            makeUpWorkdays = Set.copyOf(makeUpWorkdays);
            for (LocalDate d : makeUpWorkdays) {
                if (holidays.contains(d)) {
                    throw new IllegalArgumentException(d + " cannot be both a holiday and a make-up working day");
                }
            }
        }
    }

    /** A date computed through the calendar, and whether a year it crossed had no published data. */
    public record Result(LocalDate date, boolean provisional) {
    }

    private static final int MAX_SPAN_DAYS = 366 * 20;

    private final Map<Integer, YearSchedule> years = new ConcurrentHashMap<>();
    /** Holidays and make-up days by date across years: a notice may list days of the year before. */
    private volatile Map<LocalDate, Boolean> overrides = Map.of();

    /** The calendar with the bundled PRC data (2021–2026). */
    public static WorkingDayCalendar prc() {
        WorkingDayCalendar c = new WorkingDayCalendar();
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream("/calendar/prc-holidays.csv")) {
            Objects.requireNonNull(in, "calendar/prc-holidays.csv is missing from the platform library");
            c.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    /** An empty calendar: weekends only, every year provisional. */
    public WorkingDayCalendar() {
    }

    /** Loads (or replaces) one year's schedule. */
    public synchronized void publish(YearSchedule schedule) {
        years.put(schedule.year(), schedule);
        rebuild();
    }

    /** Forgets one year's schedule: the year counts weekends only again (provisional). */
    public synchronized void withdraw(int year) {
        years.remove(year);
        rebuild();
    }

    private void rebuild() {
        Map<LocalDate, Boolean> all = new HashMap<>();
        years.values().stream().sorted(Comparator.comparingInt(YearSchedule::year)).forEach(y -> {
            y.holidays().forEach(d -> all.put(d, Boolean.FALSE));
            y.makeUpWorkdays().forEach(d -> all.put(d, Boolean.TRUE));
        });
        overrides = Map.copyOf(all);
    }

    public YearSchedule schedule(int year) {
        return years.get(year);
    }

    public Set<Integer> loadedYears() {
        return Set.copyOf(years.keySet());
    }

    /** True when no holiday notice is loaded for {@code year}: only weekends are known. */
    public boolean isProvisional(int year) {
        return !years.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate date) {
        Boolean override = overrides.get(date);
        if (override != null) {
            return override;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /**
     * The date {@code days} working days after {@code start} (the start day itself not counted), or
     * before it for a negative {@code days}. Zero gives {@code start}.
     */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        return add(start, days).date();
    }

    /** Like {@link #addWorkingDays}, and says whether any year crossed lacked holiday data. */
    public Result add(LocalDate start, int days) {
        if (Math.abs(days) > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("At most " + MAX_SPAN_DAYS + " working days");
        }
        int step = days >= 0 ? 1 : -1;
        int remaining = Math.abs(days);
        LocalDate d = start;
        boolean provisional = isProvisional(start.getYear());
        while (remaining > 0) {
            d = d.plusDays(step);
            provisional |= isProvisional(d.getYear());
            if (isWorkingDay(d)) {
                remaining--;
            }
        }
        return new Result(d, provisional);
    }

    /**
     * Working days after {@code from} up to and including {@code to}; negative when {@code to} is
     * before {@code from} (counting the working days from {@code to} up to {@code from}, excluded).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        if (from.plusDays(MAX_SPAN_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("Span too long");
        }
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Reads lines {@code YYYY,YEAR,source}, {@code date[..date],HOLIDAY|WORKDAY,name}; {@code #} starts a comment.
     */
    public void load(InputStream csv) throws IOException {
        Map<Integer, String> sources = new HashMap<>();
        Map<Integer, Set<LocalDate>> holidays = new HashMap<>();
        Map<Integer, Set<LocalDate>> workdays = new HashMap<>();
        int currentYear = -1;
        BufferedReader r = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", 3);
            if (f.length < 2) {
                throw new IllegalArgumentException("Line " + lineNo + ": expected date,kind,name");
            }
            String kind = f[1].strip();
            if (kind.equals("YEAR")) {
                currentYear = Integer.parseInt(f[0].strip());
                sources.put(currentYear, f.length > 2 ? f[2].strip() : "");
                holidays.putIfAbsent(currentYear, new HashSet<>());
                workdays.putIfAbsent(currentYear, new HashSet<>());
                continue;
            }
            if (currentYear < 0) {
                throw new IllegalArgumentException("Line " + lineNo + ": days must follow a YEAR line");
            }
            String[] range = f[0].strip().split("\\.\\.");
            LocalDate from = LocalDate.parse(range[0]);
            LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
            Set<LocalDate> target = switch (kind) {
                case "HOLIDAY" -> holidays.get(currentYear);
                case "WORKDAY" -> workdays.get(currentYear);
                default -> throw new IllegalArgumentException("Line " + lineNo + ": unknown kind " + kind);
            };
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                target.add(d);
            }
        }
        for (Map.Entry<Integer, String> e : sources.entrySet()) {
            publish(new YearSchedule(e.getKey(), holidays.get(e.getKey()), workdays.get(e.getKey()), e.getValue()));
        }
    }
}
