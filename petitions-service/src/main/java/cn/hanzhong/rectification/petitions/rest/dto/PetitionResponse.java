package cn.hanzhong.rectification.petitions.rest.dto;

import cn.hanzhong.rectification.petitions.domain.Channel;
import cn.hanzhong.rectification.petitions.domain.Completion;
import cn.hanzhong.rectification.petitions.domain.District;
import cn.hanzhong.rectification.petitions.domain.Feedback;
import cn.hanzhong.rectification.petitions.domain.Finding;
import cn.hanzhong.rectification.petitions.domain.PetitionAction;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A petition as its internal readers see it; the reporter only masked, free text pseudonymised but for the office. */
@Schema(name = "Petition", description = "The reporter is always masked. Free text (content, location, investigation, "
        + "handling narrative, accountability, publicReply, feedbackNote) is raw for the office and pseudonymised for "
        + "every other reader: the reporter's name and names after 举报人/来电人/反映人/姓名 become 某某, phone, ID and "
        + "bank-card numbers and e-mail addresses are masked.")
public record PetitionResponse(UUID id, String caseNumber, int batch, LocalDate receivedAt, Channel channel,
                               boolean priority, MaskedReporter reporter, String content, String location,
                               District district, String districtLabel, List<String> pollutionTypes, String leadUnit,
                               List<String> cooperatingUnits, LocalDate deadline, String deadlineRule,
                               @Schema(description = "Counted in working days through a year whose holiday notice is not "
                                       + "published yet; recounted when it is") boolean deadlineProvisional,
                               PetitionStatus status, String statusLabel, boolean overdue, Finding finding,
                               String investigation, HandlingDto handling, String accountability,
                               Completion completion, String publicReply, Feedback feedback, LocalDate feedbackOn,
                               String feedbackNote, UUID duplicateOf, int reopenCount, boolean published,
                               List<PetitionAction> allowedActions, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                               int version) {

    /** The reporter, masked (张**, 138****1234). */
    @Schema(name = "MaskedReporter")
    public record MaskedReporter(boolean anonymous, String name, String phone) {
    }
}
