package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.rest.dto.ExtensionDecision;
import cn.hanzhong.rectification.issues.rest.dto.ExtensionRequest;
import cn.hanzhong.rectification.issues.rest.dto.ExtensionResponse;
import cn.hanzhong.rectification.issues.service.DeadlineExtensionService;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Deadline extensions (延期) of one issue: the lead unit asks, the office decides. */
@Path("/api/v1/issues/{id}/deadline-extensions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issues")
public class DeadlineExtensionResource {

    private static final SortableFields EXTENSION_SORT = SortableFields.of("requestedAt", "requestedAt")
            .defaultSort("requestedAt", false, "id");

    private final DeadlineExtensionService extensions;
    private final IssueMapper mapper;

    public DeadlineExtensionResource(DeadlineExtensionService extensions, IssueMapper mapper) {
        this.extensions = extensions;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "requestDeadlineExtension", summary = "Request a later deadline (延期申请, lead unit)",
            description = "One open request at a time; the proposed deadline must be after the current one.")
    @APIResponse(responseCode = "201", description = "Requested",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExtensionResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response requestExtension(@PathParam("id") UUID id, @Valid @NotNull ExtensionRequest request,
                                     @Context UriInfo uri) {
        var e = extensions.request(id, request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(e.id.toString()).build())
                .entity(mapper.toResponse(e)).build();
    }

    @POST
    @Path("/{extensionId}/decision")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "decideDeadlineExtension", summary = "Approve or reject an extension request (office)",
            description = "APPROVE moves the deadline (the old one is kept on the request and in the history) and "
                    + "publishes issue.deadline-changed.")
    @APIResponse(responseCode = "200", description = "The decided request")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ExtensionResponse decideExtension(@PathParam("id") UUID id, @PathParam("extensionId") UUID extensionId,
                                             @Valid @NotNull ExtensionDecision decision) {
        return mapper.toResponse(extensions.decide(id, extensionId, decision.toCommand()));
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "listDeadlineExtensions", summary = "List an issue's extension requests")
    @APIResponse(responseCode = "200", description = "One page of requests, newest first")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<ExtensionResponse> extensions(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return extensions.list(id, paging.toRequest(EXTENSION_SORT)).map(mapper::toResponse);
    }
}
