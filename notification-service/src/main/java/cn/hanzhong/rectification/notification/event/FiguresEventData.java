package cn.hanzhong.rectification.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What this service reads of the owners' published figures ({@code *.stats-published}, fixtures under
 * {@code deploy/contracts/events}); fields it does not use are ignored.
 */
public final class FiguresEventData {

    public static final String ISSUES = "issue.stats-published";
    public static final String PETITIONS = "petition.stats-published";
    public static final String ACCOUNTABILITY = "accountability.stats-published";

    private FiguresEventData() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssueFigures(OffsetDateTime asOf, LocalDate today, IssueStats stats, List<OrderCounts> supervisionOrders,
                               List<OverdueItem> overdue, List<Unit> units) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssueStats(long total, Map<String, Long> byStatus, Map<String, Long> byWarningLight, List<UnitFigures> units,
                             UnitFigures programme) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitFigures(String unit, String unitName, long assigned, long signedOff, long overdue, Double onTimeRate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderCounts(String unit, long awaitingResponse, long overdue, long responded, long closed, long returns) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OverdueItem(UUID id, String code, String title, String leadUnit, LocalDate deadline, long daysOverdue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String code, String name, String kind) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PetitionFigures(OffsetDateTime asOf, PetitionStats stats) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PetitionStats(long total, Map<String, Long> byStatus, long overdue, long returned, long reopened) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseFigures(OffsetDateTime asOf, CaseStats stats) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseStats(long total, Map<String, Long> byStatus, long personsHeld, long unitsHeld) {
    }
}
