package cn.hanzhong.rectification.accountability.rest;

import cn.hanzhong.rectification.accountability.domain.AccountabilityCase;
import cn.hanzhong.rectification.accountability.domain.HistoryEntry;
import cn.hanzhong.rectification.accountability.domain.LegalBasis;
import cn.hanzhong.rectification.accountability.rest.dto.CaseResponse;
import cn.hanzhong.rectification.accountability.rest.dto.DecisionDto;
import cn.hanzhong.rectification.accountability.rest.dto.LegalBasisResponse;
import cn.hanzhong.rectification.accountability.rest.dto.SubjectDto;
import cn.hanzhong.rectification.accountability.service.CaseView;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;


/** The one place where cases become API representations. */
@ApplicationScoped
public class CaseMapper {

    /** A history line of a case. */
    public record HistoryResponse(long id, OffsetDateTime at, String actor, String actorName, String action,
                                  String field, String oldValue, String newValue, String reason) {
    }

    public CaseResponse toResponse(CaseView view) {
        AccountabilityCase c = view.accountabilityCase();
        return new CaseResponse(c.id, c.code, c.source, c.source.label(), c.status, c.status.label(),
                c.relatedIssues, c.relatedPetitions, c.summary, c.allegations,
                view.legalBases().stream().map(this::toResponse).toList(),
                c.subjects.stream().map(SubjectDto::of).toList(),
                c.decisions.stream().map(DecisionDto::of).toList(),
                Map.copyOf(c.citedArticles), List.copyOf(c.reviews), Map.copyOf(c.triggerFacts),
                c.disclosable, c.disclosure, c.closingReason, view.allowedActions(), c.createdAt, c.updatedAt,
                c.version);
    }

    public LegalBasisResponse toResponse(LegalBasis b) {
        return new LegalBasisResponse(b.id, b.code, b.title, b.article, b.situation, b.kind);
    }

    public HistoryResponse toResponse(HistoryEntry h) {
        return new HistoryResponse(h.id, h.at, h.actor, h.actorName, h.action, h.field, h.oldValue, h.newValue, h.reason);
    }
}
