package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.NoticeStatus;
import cn.hanzhong.rectification.issues.rest.dto.SignOffNoticeDtos;
import cn.hanzhong.rectification.issues.service.SignOffNotices;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** 销号公示 for the public: the items about to be struck from the ledger, and objections to them. No token. */
@Path("/api/v1/public/sign-off-notices")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public disclosure")
public class PublicSignOffNoticeResource {

    static final SortableFields SORT = SortableFields.of("publishedAt", "publishedAt", "endsOn", "endsOn")
            .defaultSort("publishedAt", false, "id");

    private final SignOffNotices notices;

    public PublicSignOffNoticeResource(SignOffNotices notices) {
        this.notices = notices;
    }

    @GET
    @Operation(operationId = "listPublicSignOffNotices", summary = "Items on public notice before sign-off (销号公示)",
            description = "The item, the measures taken, the verification's result, the window (objections until endsOn) and the "
                    + "replies to objections found unfounded. No officials, contacts or internal reasons. status: OPEN (default), "
                    + "SIGNED_OFF or OBJECTION_UPHELD.")
    @APIResponse(responseCode = "200", description = "One page of notices")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<SignOffNoticeDtos.PublicNotice> list(@Parameter(description = "OPEN (default), SIGNED_OFF, OBJECTION_UPHELD")
                                                     @QueryParam("status") String status, @BeanParam PageParams paging) {
        return notices.publicList(QueryParams.oneEnum("status", status, NoticeStatus.class), paging.toRequest(SORT))
                .map(SignOffNoticeMapper::toPublic);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPublicSignOffNotice", summary = "One item on public notice")
    @APIResponse(responseCode = "200", description = "The notice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignOffNoticeDtos.PublicNotice.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SignOffNoticeDtos.PublicNotice get(@PathParam("id") UUID id) {
        return SignOffNoticeMapper.toPublic(notices.publicGet(id));
    }

    @POST
    @Path("/{id}/objections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "objectToSignOff", summary = "Object to a sign-off during its notice (公示异议)",
            description = "Anyone, no token, while the window is open (409 after). The contact is optional, stored encrypted, shown "
                    + "masked to the office and never published or sent in an event. At most issues.sign-off.objections-per-hour "
                    + "(5) per client address and hour (429 with Retry-After).")
    @APIResponse(responseCode = "201", description = "Received; the office rules on it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignOffNoticeDtos.ObjectionReceipt.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", description = "Too many objections from this address; retry after the Retry-After seconds")
    public Response object(@PathParam("id") UUID id, @Valid @NotNull SignOffNoticeDtos.ObjectionRequest request,
                           @Context HttpServerRequest http) {
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        var o = notices.object(id, request.text(), request.contact(), address);
        return Response.status(201).entity(new SignOffNoticeDtos.ObjectionReceipt(o.id, o.noticeId, o.status, o.receivedAt)).build();
    }
}
