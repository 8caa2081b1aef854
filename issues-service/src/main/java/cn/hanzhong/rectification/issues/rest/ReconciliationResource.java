package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.Reconciliation;
import cn.hanzhong.rectification.issues.domain.ReconciliationItem;
import cn.hanzhong.rectification.issues.service.Reconciliations;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.reconciliation.Reconciler;
import cn.hanzhong.rectification.platform.rest.BodyLimit;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Reconciliation of the ledger with the provincial supervision system's list (省市对账). */
@Path("/api/v1/reconciliations")
@Tag(name = "Reconciliation", description = "The ledger against the provincial supervision system's list")
public class ReconciliationResource {

    private static final SortableFields SORT = SortableFields.of("startedAt", "startedAt").defaultSort("startedAt", false, "id");

    private final Reconciliations reconciliations;

    public ReconciliationResource(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @Schema(name = "Reconciliation")
    public record ReconciliationResponse(UUID id, String source, String startedBy, OffsetDateTime startedAt, int matched, int different,
                                    int onlyHere, int onlyThere, int invalid, boolean anythingDiffers, List<ItemDto> items) {
    }

    @Schema(name = "ReconciliationItem")
    public record ItemDto(@Schema(description = "The province's id (our externalId)") String externalId, String issueCode, UUID issueId,
                          @Schema(description = "MATCHED, DIFFERENT, ONLY_HERE, ONLY_THERE or INVALID") String outcome,
                          @Schema(description = "DIFFERENT: status and/or deadline") List<String> differences,
                          String hereStatus, String thereStatus, LocalDate hereDeadline, LocalDate thereDeadline,
                          @Schema(description = "The row of the province's list") Integer rowNumber, String note) {
    }

    @POST
    @Consumes({Spreadsheets.CSV, Spreadsheets.XLSX})
    @Produces(MediaType.APPLICATION_JSON)
    @BodyLimit("20M")
    @RolesAllowed({Roles.OFFICE, Roles.PROVINCE})
    @Operation(operationId = "reconcileWithProvince", summary = "Reconcile the ledger with the province's list (CSV or XLSX)",
            description = "Columns (header names, in any order, a title row above is fine): 编号 (the province's id = our externalId), 状态 "
                    + "(a status code or its Chinese label), 整改时限 (a date). Every ledger issue with an externalId is compared: "
                    + "MATCHED, DIFFERENT (status or deadline), ONLY_HERE, ONLY_THERE; unreadable rows are INVALID. The run is kept; the "
                    + "office is notified when anything differs. The same runs nightly from issues.reconciliation.url when configured.")
    @APIResponse(responseCode = "201", description = "The reconciliation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconciliationResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    public Response reconcile(@Parameter(description = "What the list is (kept with the run)", example = "省督察系统 2026-12-01 导出")
                              @QueryParam("source") String source,
                              @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body, @Context UriInfo uri) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("file", "is required: the province's list as CSV or XLSX");
        }
        Reconciliations.View v = reconciliations.reconcile(body, contentType, source == null ? "file" : source.strip());
        return Response.created(uri.getAbsolutePathBuilder().path(v.reconciliation().id.toString()).build()).entity(toResponse(v)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICE, Roles.PROVINCE, Roles.LEADER})
    @Operation(operationId = "listReconciliations", summary = "Reconciliations, newest first (counts only)")
    @APIResponse(responseCode = "200", description = "One page of reconciliations")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<ReconciliationResponse> list(@BeanParam PageParams paging) {
        return reconciliations.list(paging.toRequest(SORT)).map(r -> toResponse(r, List.of()));
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Spreadsheets.XLSX})
    @RolesAllowed({Roles.OFFICE, Roles.PROVINCE, Roles.LEADER})
    @Operation(operationId = "getReconciliation", summary = "One reconciliation with its items (JSON or XLSX)",
            description = "Differences first; outcome narrows to one kind. format=xlsx (or Accept) gives the sheet the office files.")
    @APIResponse(responseCode = "200", description = "The reconciliation", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconciliationResponse.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id,
                        @Parameter(description = "MATCHED, DIFFERENT, ONLY_HERE, ONLY_THERE, INVALID") @QueryParam("outcome") String outcome,
                        @Parameter(description = "json (default) or xlsx") @QueryParam("format") String format,
                        @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Reconciliations.View v = reconciliations.get(id, Reconciler.outcome(outcome));
        if (!Reconciler.wantsXlsx(format, accept)) {
            return Response.ok(toResponse(v), MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(Reconciler.xlsx("编号", "问题编号", v.items().stream().map(ReconciliationItem::toLine).toList()), Spreadsheets.XLSX)
                .header("Content-Disposition", Downloads.disposition("省市对账-" + v.reconciliation().startedAt.toLocalDate() + ".xlsx")).build();
    }

    private static ReconciliationResponse toResponse(Reconciliations.View v) {
        return toResponse(v.reconciliation(), v.items());
    }

    private static ReconciliationResponse toResponse(Reconciliation r, List<ReconciliationItem> items) {
        return new ReconciliationResponse(r.id, r.source, r.startedBy, r.startedAt, r.matched, r.different, r.onlyHere, r.onlyThere, r.invalid,
                r.anythingDiffers(), items.stream().map(i -> new ItemDto(i.externalId, i.issueCode, i.issueId, i.outcome,
                List.copyOf(i.differences), i.hereStatus, i.thereStatus, i.hereDeadline, i.thereDeadline, i.rowNumber, i.note)).toList());
    }
}
