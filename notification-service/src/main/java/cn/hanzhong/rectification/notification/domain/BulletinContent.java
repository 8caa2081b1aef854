package cn.hanzhong.rectification.notification.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The figures of a bulletin, each part a section, frozen when it is drawn. Every figure is taken from
 * the owners' published figures (their stats endpoints' answers at {@code *AsOf}) or, for the units
 * that did not report, from this service's monthly dispatch list.
 */
@Schema(name = "BulletinContent")
public record BulletinContent(
        String period,
        @Schema(description = "When issues-service computed the ledger's figures") OffsetDateTime issuesAsOf,
        @Schema(description = "When petitions-service computed its figures") OffsetDateTime petitionsAsOf,
        @Schema(description = "When accountability-service computed its figures") OffsetDateTime accountabilityAsOf,
        Overall overall,
        @Schema(description = "Issues by warning light (GREEN, BLUE, YELLOW, RED)") Map<String, Long> byWarningLight,
        @Schema(description = "Overdue issues, the longest overdue first (at most the owner's list limit)") List<RedItem> redList,
        @Schema(description = "Overdue issues in all (may exceed the list)") long redTotal,
        Unreported unreported,
        Orders supervisionOrders,
        Petitions petitions,
        Accountability accountability,
        @Schema(description = "Lead units by completion rate, then on-time rate, then fewest overdue") List<RankedUnit> ranking) {

    /** 总体进展: the ledger as a whole (issues with a lead unit for the rates). */
    @Schema(name = "BulletinOverall")
    public record Overall(long total, long assigned, long signedOff,
                          @Schema(description = "signedOff / assigned") Double completionRate,
                          long overdue,
                          @Schema(description = "The ledger's on-time rate (signed off on time / (signed off with a deadline + overdue))") Double onTimeRate) {
    }

    /** An item of the red list. */
    @Schema(name = "BulletinRedItem")
    public record RedItem(String code, String title, String leadUnit, String leadUnitName, LocalDate deadline, long daysOverdue) {
    }

    /** Units that did not report progress for the period (按月调度). */
    @Schema(name = "BulletinUnreported")
    public record Unreported(int issues, int missing, List<UnreportedUnit> units) {
    }

    @Schema(name = "BulletinUnreportedUnit")
    public record UnreportedUnit(String unit, String name, int missing, List<String> codes) {
    }

    /** 督办事项: supervision orders outstanding. */
    @Schema(name = "BulletinOrders")
    public record Orders(long awaitingResponse, long overdue, long responded, long closed, long returns, List<UnitOrders> units) {
    }

    @Schema(name = "BulletinUnitOrders")
    public record UnitOrders(String unit, String name, long awaitingResponse, long overdue) {
    }

    /** 信访件办理: the forwarded petitions. */
    @Schema(name = "BulletinPetitions")
    public record Petitions(long received, @Schema(description = "办结: closed or confirmed by the look-back") long concluded,
                            long returned, long reopened, long duplicates, long overdue,
                            @Schema(description = "办结率 = concluded / (received − duplicates)") Double completionRate) {
    }

    /** 责任追究: counts only, never a name. */
    @Schema(name = "BulletinAccountability")
    public record Accountability(long total, @Schema(description = "Leads awaiting a decision to open") long proposed,
                                 @Schema(description = "Opened (including decided and closed)") long opened,
                                 @Schema(description = "Decided (including closed)") long decided, long dismissed,
                                 long personsHeld, long unitsHeld) {
    }

    @Schema(name = "BulletinRankedUnit")
    public record RankedUnit(int rank, String unit, String name, long assigned, long signedOff, Double completionRate,
                             long overdue, Double onTimeRate) {
    }
}
