package cn.hanzhong.rectification.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An issue or petition as this service knows it from events (it never calls the owners). */
@Entity
@Table(name = "tracked_item")
public class TrackedItem {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemKind kind;

    @Column(nullable = false)
    public String code;

    public String title;

    @Column(name = "lead_unit")
    public String leadUnit;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cooperating_units")
    public List<String> cooperatingUnits = new ArrayList<>();

    public LocalDate deadline;

    /** The stand-in item of notices about a year of the working-day calendar (not stored). */
    public static TrackedItem calendarYear(int year) {
        TrackedItem t = new TrackedItem();
        t.kind = ItemKind.CALENDAR;
        t.id = UUID.nameUUIDFromBytes(("calendar-" + year).getBytes(StandardCharsets.UTF_8));
        t.code = "CAL-" + year;
        t.title = year + " 年节假日安排";
        t.status = "MISSING";
        return t;
    }

    /** The stand-in item of the notices about a published bulletin, addressed to {@code units} (not stored). */
    public static TrackedItem bulletin(UUID id, String documentNumber, String title, List<String> units) {
        TrackedItem t = new TrackedItem();
        t.kind = ItemKind.BULLETIN;
        t.id = id;
        t.code = documentNumber;
        t.title = title;
        t.cooperatingUnits = List.copyOf(units);
        t.status = "PUBLISHED";
        return t;
    }

    /** Counted in working days through a year whose holiday notice is not loaded yet. */
    @Column(name = "deadline_provisional")
    public boolean deadlineProvisional;

    @Column(nullable = false)
    public String status;

    /** Signed off, cancelled, closed: no more reminders. */
    public boolean closed;

    @Column(name = "overdue_since")
    public LocalDate overdueSince;

    /** The last month (YYYY-MM) the lead unit reported progress for (issues only). */
    @Column(name = "last_report_period")
    public String lastReportPeriod;

    @Column(name = "first_seen")
    public LocalDate firstSeen;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Lead unit first, then cooperating units. */
    public List<String> units() {
        List<String> all = new ArrayList<>();
        if (leadUnit != null) {
            all.add(leadUnit);
        }
        cooperatingUnits.stream().filter(u -> !all.contains(u)).forEach(all::add);
        return all;
    }
}
