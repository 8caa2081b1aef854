package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.DeadlineExtension;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.ProgressReport;
import cn.hanzhong.rectification.issues.domain.Unit;
import cn.hanzhong.rectification.issues.domain.WarningLight;
import cn.hanzhong.rectification.issues.rest.dto.ExtensionResponse;
import cn.hanzhong.rectification.issues.rest.dto.HistoryResponse;
import cn.hanzhong.rectification.issues.rest.dto.IssueResponse;
import cn.hanzhong.rectification.issues.rest.dto.ProgressReportResponse;
import cn.hanzhong.rectification.issues.rest.dto.ResponsibleOfficialDto;
import cn.hanzhong.rectification.issues.rest.dto.UnitResponse;
import cn.hanzhong.rectification.issues.service.IssueView;
import cn.hanzhong.rectification.platform.history.ChangeLogEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The one place where ledger entities become API representations; it derives nothing itself. */
@ApplicationScoped
public class IssueMapper {

    public IssueResponse toResponse(IssueView view) {
        Issue i = view.issue();
        WarningLight light = view.warningLight();
        return new IssueResponse(i.id, i.code, i.externalId, i.source, i.title, i.description, i.category,
                List.copyOf(i.districts), i.target, i.requirements, List.copyOf(i.measures), i.approach, i.track, i.term,
                i.deadline, i.deadlineRule, i.deadlineProvisional(),
                i.responsibleOfficials.stream().map(ResponsibleOfficialDto::of).toList(),
                i.leadUnit, List.copyOf(i.cooperatingUnits), i.progressPercent, i.status, i.status.label(), light,
                light == WarningLight.RED, i.assignedOn, i.evidence, i.selfAssessment,
                i.acceptedOn == null ? null
                        : new IssueResponse.Acceptance(i.acceptedBy, i.acceptedOn, i.acceptanceOpinion, i.signedOffAt),
                i.rejectionCount, i.closingReason, view.allowedActions(), i.createdAt, i.updatedAt, i.version);
    }

    public ProgressReportResponse toResponse(ProgressReport r) {
        return new ProgressReportResponse(r.id, r.issueId, r.period, r.percent, r.narrative,
                List.copyOf(r.completedMeasures), r.difficulties, r.nextSteps, r.draft, r.reportedBy, r.reportedUnit, r.unit,
                r.reportedAt);
    }

    public ExtensionResponse toResponse(DeadlineExtension e) {
        return new ExtensionResponse(e.id, e.issueId, e.proposedDeadline, e.previousDeadline, e.reason, e.status,
                e.requestedBy, e.requestedUnit, e.requestedAt, e.decidedBy, e.decidedAt, e.decisionNote);
    }

    /** A history line of an issue or of a supervision order. */
    public HistoryResponse toResponse(ChangeLogEntry h) {
        return new HistoryResponse(h.id, h.at, h.actor, h.actorName, h.actorUnit, h.action, h.field, h.oldValue,
                h.newValue, h.reason);
    }

    public UnitResponse toResponse(Unit u) {
        return new UnitResponse(u.code, u.name, u.kind, u.kind.label(), u.active);
    }
}
