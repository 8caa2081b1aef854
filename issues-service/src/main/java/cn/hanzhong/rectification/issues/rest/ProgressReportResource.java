package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.rest.dto.ProgressReportRequest;
import cn.hanzhong.rectification.issues.rest.dto.ProgressReportResponse;
import cn.hanzhong.rectification.issues.service.ProgressReportService;
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

/** Monthly dispatch (按月调度): the lead unit's progress reports on one issue. */
@Path("/api/v1/issues/{id}/progress-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issues")
public class ProgressReportResource {

    private static final SortableFields REPORT_SORT = SortableFields.of("period", "period", "reportedAt", "reportedAt")
            .defaultSort("period", false, "id");

    private final ProgressReportService reports;
    private final IssueMapper mapper;

    public ProgressReportResource(ProgressReportService reports, IssueMapper mapper) {
        this.reports = reports;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "reportProgress", summary = "Submit the monthly progress report (按月调度, lead unit)",
            description = "One report per issue and period (YYYY-MM); a second is 409 unless the first was a draft. "
                    + "A final report sets the issue's progressPercent and publishes issue.progress-reported.")
    @APIResponse(responseCode = "201", description = "Reported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressReportResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response report(@PathParam("id") UUID id, @Valid @NotNull ProgressReportRequest request,
                           @Context UriInfo uri) {
        var report = reports.report(id, request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(report.id.toString()).build())
                .entity(mapper.toResponse(report)).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "listProgressReports", summary = "List an issue's progress reports", description = "Sortable: period, reportedAt (default period,desc).")
    @APIResponse(responseCode = "200", description = "One page of reports")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<ProgressReportResponse> reports(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return reports.list(id, paging.toRequest(REPORT_SORT)).map(mapper::toResponse);
    }
}
