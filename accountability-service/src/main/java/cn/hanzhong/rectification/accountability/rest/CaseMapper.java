package cn.hanzhong.rectification.accountability.rest;

import cn.hanzhong.rectification.accountability.domain.AccountabilityCase;
import cn.hanzhong.rectification.accountability.domain.CaseAction;
import cn.hanzhong.rectification.accountability.domain.HistoryEntry;
import cn.hanzhong.rectification.accountability.domain.LegalBasis;
import cn.hanzhong.rectification.accountability.rest.dto.CaseResponse;
import cn.hanzhong.rectification.accountability.rest.dto.DecisionDto;
import cn.hanzhong.rectification.accountability.rest.dto.LegalBasisResponse;
import cn.hanzhong.rectification.accountability.rest.dto.SubjectDto;
import cn.hanzhong.rectification.accountability.service.LegalBasisService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The one place where cases become API representations. */
@ApplicationScoped
public class CaseMapper {

    /** A history line of a case. */
    public record HistoryResponse(long id, java.time.OffsetDateTime at, String actor, String actorName, String action,
                                  String field, String oldValue, String newValue, String reason) {
    }

    private final LegalBasisService legalBases;

    public CaseMapper(LegalBasisService legalBases) {
        this.legalBases = legalBases;
    }

    public CaseResponse toResponse(AccountabilityCase c) {
        Map<java.util.UUID, LegalBasis> bases = legalBases.byIds(c.legalBases).stream()
                .collect(Collectors.toMap(b -> b.id, Function.identity()));
        return new CaseResponse(c.id, c.code, c.source, c.source.label(), c.status, c.status.label(),
                c.relatedIssues, c.relatedPetitions, c.summary, c.allegations,
                c.legalBases.stream().map(bases::get).filter(java.util.Objects::nonNull).map(this::toResponse).toList(),
                c.subjects.stream().map(s -> new SubjectDto(s.id(), s.kind(), s.name(), s.post(), s.unit(), s.rankLevel())).toList(),
                c.decisions.stream().map(d -> new DecisionDto(d.subjectId(), d.sanction(), d.decidingBody(),
                        d.documentNumber(), d.date())).toList(),
                c.disclosable, c.disclosure, c.closingReason, CaseAction.allowed(c.status), c.createdAt, c.updatedAt,
                c.version);
    }

    public LegalBasisResponse toResponse(LegalBasis b) {
        return new LegalBasisResponse(b.id, b.code, b.title, b.article, b.situation, b.kind);
    }

    public HistoryResponse toResponse(HistoryEntry h) {
        return new HistoryResponse(h.id, h.at, h.actor, h.actorName, h.action, h.field, h.oldValue, h.newValue, h.reason);
    }
}
