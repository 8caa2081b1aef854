package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.issues.domain.EvidenceRecord;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueMeasure;
import cn.hanzhong.rectification.issues.domain.MeasureStatus;
import cn.hanzhong.rectification.issues.domain.ProgressReport;
import cn.hanzhong.rectification.issues.repository.IssueMeasureRepository;
import cn.hanzhong.rectification.issues.repository.ProgressReportRepository;
import cn.hanzhong.rectification.issues.service.command.TrackMeasure;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.ResourceNotFoundException;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Measure by measure, unit by unit (整改任务一项不漏、责任落实到岗到人): each measure of an issue has an owner
 * unit (the lead unit unless assigned to a cooperating one), a status and a done date with its evidence;
 * the breakdown shows each unit's measures and its last reported share beside the lead unit's figure,
 * which alone is the issue's progress.
 */
@ApplicationScoped
@Transactional
public class Measures {

    /** One measure as tracked now. */
    public record Measure(int seq, String text, String ownerUnit, MeasureStatus status, LocalDate doneOn, String doneBy) {
    }

    /** One unit's part: its role, its measures, its last report. */
    public record UnitShare(String unit, boolean lead, int measures, int done, String lastPeriod, Integer lastPercent) {
    }

    /** The issue's breakdown per measure and per unit; {@code progressPercent} is the issue's (the lead unit's) figure. */
    public record Breakdown(UUID issueId, int progressPercent, List<Measure> measures, List<UnitShare> units) {
    }

    private final IssueLocks locks;
    private final IssueQueries queries;
    private final IssueMeasureRepository rows;
    private final ProgressReportRepository reports;
    private final EvidenceService evidence;
    private final History history;
    private final CurrentUser user;
    private final ProgrammeClock clock;

    public Measures(IssueLocks locks, IssueQueries queries, IssueMeasureRepository rows, ProgressReportRepository reports,
                    EvidenceService evidence, History history, CurrentUser user, ProgrammeClock clock) {
        this.locks = locks;
        this.queries = queries;
        this.rows = rows;
        this.reports = reports;
        this.evidence = evidence;
        this.history = history;
        this.user = user;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Breakdown breakdown(UUID issueId) {
        return breakdownOf(queries.readable(issueId));
    }

    private Breakdown breakdownOf(Issue issue) {
        List<Measure> measures = current(issue);
        Map<String, ProgressReport> last = reports.lastPerUnit(issue.id).stream()
                .collect(Collectors.toMap(r -> r.unit, Function.identity(), (a, b) -> a));
        List<UnitShare> units = new ArrayList<>();
        for (String unit : issue.involvedUnits()) {
            List<Measure> own = measures.stream().filter(m -> unit.equals(m.ownerUnit())).toList();
            ProgressReport r = last.get(unit);
            units.add(new UnitShare(unit, unit.equals(issue.leadUnit), own.size(),
                    (int) own.stream().filter(m -> m.status() == MeasureStatus.DONE).count(),
                    r == null ? null : r.period, r == null ? null : r.percent));
        }
        return new Breakdown(issue.id, issue.progressPercent, measures, units);
    }

    /** The issue's measures with their tracking; a row whose text no longer matches the measure is ignored. */
    private List<Measure> current(Issue issue) {
        Map<Integer, IssueMeasure> tracked = rows.ofIssue(issue.id).stream()
                .collect(Collectors.toMap(m -> m.key.seq(), Function.identity()));
        List<Measure> out = new ArrayList<>();
        for (int i = 0; i < issue.measures.size(); i++) {
            String text = issue.measures.get(i);
            IssueMeasure t = tracked.get(i + 1);
            boolean valid = t != null && t.text.equals(text)
                    && (t.ownerUnit == null || issue.involvedUnits().contains(t.ownerUnit));
            out.add(valid ? new Measure(i + 1, text, t.ownerUnit != null ? t.ownerUnit : issue.leadUnit, t.status, t.doneOn, t.doneBy)
                    : new Measure(i + 1, text, issue.leadUnit, MeasureStatus.PENDING, null, null));
        }
        return out;
    }

    /**
     * The lead unit (or the office) assigns a measure to itself or a cooperating unit and may set it back to
     * PENDING; the measure's owner (or the lead unit, or the office) marks it DONE with the date and evidence.
     */
    public Breakdown track(UUID issueId, int seq, TrackMeasure t) {
        Issue issue = locks.forChange(issueId, null);
        if (seq < 1 || seq > issue.measures.size()) {
            throw new ResourceNotFoundException("Measure", seq);
        }
        Measure now = current(issue).get(seq - 1);
        boolean office = user.hasRole(Roles.OFFICE);
        boolean lead = user.hasRole(Roles.UNIT) && user.unit().filter(u -> u.equals(issue.leadUnit)).isPresent();
        String owner = t.ownerUnit() != null ? t.ownerUnit().strip() : now.ownerUnit();
        boolean isOwner = user.hasRole(Roles.UNIT) && user.unit().filter(u -> u.equals(now.ownerUnit())).isPresent();
        if (t.ownerUnit() != null && !t.ownerUnit().strip().equals(now.ownerUnit())) {
            if (!office && !lead) {
                throw new ForbiddenException("Only the lead unit or the office assigns the measures of " + issue.code);
            }
            if (!issue.involvedUnits().contains(owner)) {
                throw new InvalidInputException("ownerUnit", "must be the lead unit or a cooperating unit of " + issue.code);
            }
        }
        MeasureStatus status = t.status() != null ? t.status() : now.status();
        LocalDate doneOn = now.doneOn();
        String doneBy = now.doneBy();
        if (status == MeasureStatus.DONE && now.status() != MeasureStatus.DONE) {
            if (!office && !lead && !isOwner) {
                throw new ForbiddenException("Only the measure's unit, the lead unit or the office marks it done");
            }
            doneOn = t.doneOn() != null ? t.doneOn() : clock.today();
            if (doneOn.isAfter(clock.today())) {
                throw new InvalidInputException("doneOn", "must not be in the future");
            }
            doneBy = user.name();
        } else if (status == MeasureStatus.PENDING && now.status() == MeasureStatus.DONE) {
            if (!office && !lead) {
                throw new ForbiddenException("Only the lead unit or the office sets a measure back to pending");
            }
            doneOn = null;
            doneBy = null;
        } else if (t.ownerUnit() == null && t.status() == null) {
            throw new InvalidInputException("status", "give ownerUnit or status");
        } else if (!office && !lead && !isOwner) {
            throw new ForbiddenException("Only the measure's unit, the lead unit or the office tracks it");
        }
        IssueMeasure row = rows.findById(new IssueMeasure.Key(issueId, seq));
        boolean fresh = row == null;
        if (fresh) {
            row = new IssueMeasure();
            row.key = new IssueMeasure.Key(issueId, seq);
        }
        if (!owner.equals(now.ownerUnit())) {
            history.change(issue, "MEASURE_ASSIGNED", "measure " + seq, now.ownerUnit(), owner, now.text());
        }
        if (status != now.status()) {
            history.change(issue, status == MeasureStatus.DONE ? "MEASURE_DONE" : "MEASURE_REOPENED", "measure " + seq,
                    now.status(), status, now.text());
        }
        row.text = now.text();
        row.ownerUnit = owner;
        row.status = status;
        row.doneOn = doneOn;
        row.doneBy = doneBy;
        row.updatedAt = clock.now();
        if (fresh) {
            rows.persist(row);
        }
        if (t.evidenceIds() != null && !t.evidenceIds().isEmpty()) {
            evidence.attach(t.evidenceIds(), Set.of(issueId), EvidenceRecord.MEASURE, issueId + "/" + seq, status == MeasureStatus.DONE,
                    "evidenceIds");
        }
        rows.flush();
        return breakdownOf(issue);
    }
}
