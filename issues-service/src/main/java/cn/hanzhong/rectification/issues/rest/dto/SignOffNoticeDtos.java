package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.NoticeStatus;
import cn.hanzhong.rectification.issues.domain.ObjectionStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The wire shapes of public notices of sign-off (销号公示) and their objections. */
public final class SignOffNoticeDtos {

    private SignOffNoticeDtos() {
    }

    @Schema(name = "PublicSignOffNotice", description = "An item on public notice before sign-off (销号公示), as the public sees it")
    public record PublicNotice(
            UUID id, @Schema(examples = "HZ-2021-01") String issueCode, String title, String leadUnitName,
            @Schema(description = "The measures taken (整改措施)") List<String> measures,
            @Schema(description = "The verification's result (核查意见)") String result, LocalDate verifiedOn,
            @Schema(description = "First day of the window") LocalDate startsOn,
            @Schema(description = "Last day objections are taken") LocalDate endsOn, int workingDays,
            NoticeStatus status, String statusLabel,
            @Schema(description = "Objections found unfounded, with the office's reply") List<PublicReply> replies) {
    }

    @Schema(name = "PublicObjectionReply")
    public record PublicReply(OffsetDateTime receivedAt, String reply, OffsetDateTime repliedAt) {
    }

    @Schema(name = "SignOffObjectionRequest", description = "An objection to a sign-off on public notice (公示异议)")
    public record ObjectionRequest(
            @Schema(description = "What is wrong with the rectification", examples = "排污口夜间仍有污水排出")
            @NotBlank @Size(max = 5000) String text,
            @Schema(description = "How the office may reach you (phone or e-mail), optional; stored encrypted and never published",
                    examples = "13800001234") @Size(max = 100) String contact) {
    }

    @Schema(name = "SignOffObjectionReceipt")
    public record ObjectionReceipt(UUID id, UUID noticeId, ObjectionStatus status, OffsetDateTime receivedAt) {
    }

    @Schema(name = "SignOffNotice", description = "A public notice of sign-off with its objections, for the office")
    public record Notice(
            UUID id, UUID issueId, String issueCode, String title, int round, NoticeStatus status, String statusLabel,
            LocalDate verifiedOn, String verifiedBy, String opinion, List<String> measures,
            LocalDate startsOn, LocalDate endsOn, int workingDays, OffsetDateTime publishedAt, OffsetDateTime closedAt,
            List<Objection> objections) {
    }

    @Schema(name = "SignOffObjection")
    public record Objection(UUID id, String text,
                            @Schema(description = "Masked; the office reads it in full on the objection itself") String contactMasked,
                            ObjectionStatus status, String statusLabel, String reply, String ruledBy, OffsetDateTime ruledAt,
                            OffsetDateTime receivedAt) {
    }

    @Schema(name = "SignOffObjectionContact")
    public record ObjectionContact(UUID id, String contact) {
    }

    @Schema(name = "SignOffObjectionRuling")
    public record RulingRequest(
            @Schema(description = "UPHOLD: the issue goes back to rectification; DISMISS: the reply is published with the notice",
                    examples = "DISMISS") @NotNull String decision,
            @Schema(description = "The reply to the objector (published when dismissed)") @NotBlank @Size(max = 5000) String reply) {
    }
}
