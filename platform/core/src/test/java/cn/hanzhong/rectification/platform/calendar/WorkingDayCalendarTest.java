package cn.hanzhong.rectification.platform.calendar;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar prc = WorkingDayCalendar.prc();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void makeUpSaturdayBeforeMidAutumn2021IsAWorkingDay() {
        assertTrue(prc.isWorkingDay(d("2021-09-18")), "Sat 18 Sep 2021 was worked (调休)");
        assertFalse(prc.isWorkingDay(d("2021-09-20")), "Mon 20 Sep 2021 was Mid-Autumn");
        assertFalse(prc.isWorkingDay(d("2021-09-21")));
        assertEquals(d("2021-09-18"), prc.addWorkingDays(d("2021-09-17"), 1));
        assertEquals(d("2021-09-22"), prc.addWorkingDays(d("2021-09-18"), 1));
    }

    @Test
    void nationalDay2021WithMakeUpSundayAndSaturday() {
        assertTrue(prc.isWorkingDay(d("2021-09-26")), "Sun 26 Sep 2021 was worked");
        assertTrue(prc.isWorkingDay(d("2021-10-09")), "Sat 9 Oct 2021 was worked");
        for (LocalDate day = d("2021-10-01"); !day.isAfter(d("2021-10-07")); day = day.plusDays(1)) {
            assertFalse(prc.isWorkingDay(day), day + " was National Day holiday");
        }
        // The plan was published on 30 Sep 2021; 1 working day later is Fri 8 Oct.
        assertEquals(d("2021-10-08"), prc.addWorkingDays(d("2021-09-30"), 1));
        assertEquals(d("2021-10-09"), prc.addWorkingDays(d("2021-09-30"), 2));
        assertEquals(d("2021-10-11"), prc.addWorkingDays(d("2021-09-30"), 3));
        // 24 Sep (Fri) → 26 Sep (Sun, worked) → 27, 28, 29, 30 → 8 Oct
        assertEquals(d("2021-10-08"), prc.addWorkingDays(d("2021-09-24"), 6));
    }

    @Test
    void springFestival2021() {
        assertTrue(prc.isWorkingDay(d("2021-02-07")), "Sun 7 Feb 2021 was worked");
        assertTrue(prc.isWorkingDay(d("2021-02-20")), "Sat 20 Feb 2021 was worked");
        assertEquals(d("2021-02-18"), prc.addWorkingDays(d("2021-02-10"), 1));
        assertEquals(d("2021-02-20"), prc.addWorkingDays(d("2021-02-10"), 3));
        assertEquals(4, prc.workingDaysBetween(d("2021-02-10"), d("2021-02-22")),
                "18, 19, 20 (Saturday, worked) and 22 Feb");
    }

    @Test
    void yearBoundary() {
        assertEquals(d("2022-01-04"), prc.addWorkingDays(d("2021-12-31"), 1), "1–3 Jan 2022 were New Year");
        assertEquals(d("2021-12-31"), prc.addWorkingDays(d("2022-01-04"), -1));
        assertEquals(1, prc.workingDaysBetween(d("2021-12-31"), d("2022-01-04")));
        assertEquals(-1, prc.workingDaysBetween(d("2022-01-04"), d("2021-12-31")));
    }

    @Test
    void negativeDaysCountBackwards() {
        // 3 working days before Fri 8 Oct 2021: 30 Sep, 29 Sep, 28 Sep.
        assertEquals(d("2021-09-28"), prc.addWorkingDays(d("2021-10-08"), -3));
        assertEquals(d("2021-10-08"), prc.addWorkingDays(d("2021-10-08"), 0));
    }

    @Test
    void yearWithoutNoticeCountsWeekendsOnlyAndIsProvisional() {
        assertTrue(prc.isProvisional(2027));
        assertFalse(prc.isProvisional(2026));
        assertTrue(prc.isWorkingDay(d("2027-01-01")), "no 2027 notice loaded yet: only weekends are off");
        WorkingDayCalendar.Result r = prc.add(d("2026-12-31"), 1);
        assertEquals(d("2027-01-01"), r.date());
        assertTrue(r.provisional());
        assertFalse(prc.add(d("2026-12-01"), 5).provisional());
    }

    @Test
    void calendar2026() {
        assertTrue(prc.isWorkingDay(d("2026-01-04")), "Sun 4 Jan 2026 was worked");
        assertTrue(prc.isWorkingDay(d("2026-02-14")));
        assertTrue(prc.isWorkingDay(d("2026-02-28")));
        assertFalse(prc.isWorkingDay(d("2026-02-23")), "Mon 23 Feb 2026 was Spring Festival");
        assertTrue(prc.isWorkingDay(d("2026-09-20")));
        assertTrue(prc.isWorkingDay(d("2026-10-10")));
        assertEquals(d("2026-10-08"), prc.addWorkingDays(d("2026-09-30"), 1));
    }

    @Test
    void aLoadedYearStopsBeingProvisional() throws Exception {
        WorkingDayCalendar c = new WorkingDayCalendar();
        assertTrue(c.isProvisional(2027));
        c.load(new ByteArrayInputStream("""
                2027,YEAR,test notice
                2027-01-01,HOLIDAY,元旦
                2027-01-02..2027-01-03,WORKDAY,test
                """.getBytes(StandardCharsets.UTF_8)));
        assertFalse(c.isProvisional(2027));
        assertFalse(c.isWorkingDay(d("2027-01-01")));
        assertTrue(c.isWorkingDay(d("2027-01-02")), "a Saturday made a working day");
        assertEquals(Set.of(2027), c.loadedYears());
    }

    @Test
    void aDayCannotBeBothHolidayAndWorkday() {
        assertThrows(IllegalArgumentException.class, () -> new WorkingDayCalendar.YearSchedule(2030,
                Set.of(d("2030-01-01")), Set.of(d("2030-01-01")), "x"));
    }
}
