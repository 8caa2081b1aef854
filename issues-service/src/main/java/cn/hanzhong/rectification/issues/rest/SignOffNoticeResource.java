package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.NoticeStatus;
import cn.hanzhong.rectification.issues.rest.dto.SignOffNoticeDtos;
import cn.hanzhong.rectification.issues.service.SignOffDecisions;
import cn.hanzhong.rectification.issues.service.SignOffNotices;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import cn.hanzhong.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The office's side of 销号公示: every notice with its objections, and the ruling on each objection. */
@Path("/api/v1/sign-off-notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-off notices", description = "Public notice of sign-off (销号公示) and objections, for the office")
public class SignOffNoticeResource {

    private final SignOffNotices notices;
    private final SignOffDecisions decisions;

    public SignOffNoticeResource(SignOffNotices notices, SignOffDecisions decisions) {
        this.notices = notices;
        this.decisions = decisions;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "listSignOffNotices", summary = "List public notices of sign-off with their objections",
            description = "Newest first; status narrows (OPEN, SIGNED_OFF, OBJECTION_UPHELD, WITHDRAWN). Contacts masked.")
    @APIResponse(responseCode = "200", description = "One page of notices")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<SignOffNoticeDtos.Notice> list(@Parameter(description = "OPEN, SIGNED_OFF, OBJECTION_UPHELD, WITHDRAWN")
                                               @QueryParam("status") String status, @BeanParam PageParams paging) {
        return notices.list(QueryParams.oneEnum("status", status, NoticeStatus.class), paging.toRequest(PublicSignOffNoticeResource.SORT))
                .map(SignOffNoticeMapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "getSignOffNotice", summary = "One public notice with its objections")
    @APIResponse(responseCode = "200", description = "The notice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignOffNoticeDtos.Notice.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SignOffNoticeDtos.Notice get(@PathParam("id") UUID id) {
        return SignOffNoticeMapper.toResponse(notices.get(id));
    }

    @GET
    @Path("/{id}/objections/{objectionId}/contact")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "getSignOffObjectionContact", summary = "The objector's contact in full (office only)")
    @APIResponse(responseCode = "200", description = "The contact (null when none was given)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignOffNoticeDtos.ObjectionContact.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SignOffNoticeDtos.ObjectionContact contact(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId) {
        return new SignOffNoticeDtos.ObjectionContact(objectionId, notices.contactOf(id, objectionId).orElse(null));
    }

    @POST
    @Path("/{id}/objections/{objectionId}/ruling")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "ruleOnSignOffObjection", summary = "Rule on an objection (office)",
            description = "UPHOLD: the notice closes and the issue goes back to IN_PROGRESS with the objection as reason; DISMISS: the "
                    + "reply is published with the notice. When the window has passed and no objection is pending, the issue is "
                    + "signed off automatically.")
    @APIResponse(responseCode = "200", description = "The notice after the ruling",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignOffNoticeDtos.Notice.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SignOffNoticeDtos.Notice rule(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId,
                                         @Valid @NotNull SignOffNoticeDtos.RulingRequest request) {
        SignOffDecisions.Ruling ruling = QueryParams.oneEnum("decision", request.decision(), SignOffDecisions.Ruling.class);
        return SignOffNoticeMapper.toResponse(decisions.rule(id, objectionId, ruling, request.reply()));
    }
}
