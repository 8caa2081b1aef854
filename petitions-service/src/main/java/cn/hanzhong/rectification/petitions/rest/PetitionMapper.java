package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.domain.HistoryEntry;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.petitions.domain.ReporterReveal;
import cn.hanzhong.rectification.petitions.rest.dto.HandlingDto;
import cn.hanzhong.rectification.petitions.rest.dto.HistoryResponse;
import cn.hanzhong.rectification.petitions.rest.dto.PetitionResponse;
import cn.hanzhong.rectification.petitions.rest.dto.RevealAudit;
import cn.hanzhong.rectification.petitions.service.PetitionView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The one place where petition entities become API representations; the reporter only masked. */
@ApplicationScoped
public class PetitionMapper {

    public PetitionResponse toResponse(PetitionView view) {
        Petition p = view.petition();
        boolean overdue = view.overdue();
        PetitionView.FreeText text = view.text();
        return new PetitionResponse(p.id, p.caseNumber, p.batchNumber, p.receivedAt, p.channel, p.priority,
                new PetitionResponse.MaskedReporter(p.reporterAnonymous, p.reporterNameMasked, p.reporterPhoneMasked),
                text.content(), text.location(), p.district, p.district.label(), List.copyOf(p.pollutionTypes), p.leadUnit,
                List.copyOf(p.cooperatingUnits), p.deadline, p.deadlineRule, p.deadlineProvisional, p.status, p.status.label(), overdue,
                p.finding, text.investigation(),
                p.status == PetitionStatus.RECEIVED ? null : HandlingDto.of(p.handling, text.handlingNarrative()),
                text.accountabilityNote(), p.completion, text.publicReply(), p.feedback, p.feedbackOn, text.feedbackNote(),
                p.duplicateOf, p.reopenCount, p.published, view.allowedActions(), p.createdAt, p.updatedAt,
                p.version);
    }

    public HistoryResponse toResponse(HistoryEntry h) {
        return new HistoryResponse(h.id, h.at, h.actor, h.actorName,
                h.actorUnit, h.action, h.field, h.oldValue, h.newValue, h.reason);
    }

    public RevealAudit toResponse(ReporterReveal r) {
        return new RevealAudit(r.id, r.requestedId != null ? r.requestedId : r.petitionId, r.caseNumber, r.at, r.actor,
                r.actorName, r.actorRoles, r.reason, r.outcome);
    }
}
