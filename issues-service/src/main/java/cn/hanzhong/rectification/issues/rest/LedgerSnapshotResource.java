package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.service.LedgerSnapshots;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

/** The ledger month by month (按月调度): frozen snapshots, their hash chain, and what changed between two months. */
@Path("/api/v1/ledger-snapshots")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.PROVINCE})
@Tag(name = "Ledger snapshots", description = "Monthly frozen ledger, hash-chained; month-to-month changes (按月调度)")
public class LedgerSnapshotResource {

    private static final SortableFields SORTABLE = SortableFields.of("period", "period", "takenAt", "takenAt")
            .defaultSort("period", false, "period");
    private static final String[] DIFF_HEADERS = {"变化", "问题编号", "从", "到", "牵头单位"};

    private final LedgerSnapshots snapshots;

    public LedgerSnapshotResource(LedgerSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GET
    @Operation(operationId = "listLedgerSnapshots", summary = "The monthly snapshots, newest first",
            description = "Each with its SHA-256 and the previous snapshot's. Sortable: period, takenAt.")
    @APIResponse(responseCode = "200", description = "One page of snapshots")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<LedgerSnapshots.Summary> list(@BeanParam PageParams paging) {
        return snapshots.list(paging.toRequest(SORTABLE));
    }

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "takeLedgerSnapshot", summary = "Take a month's snapshot now (office)",
            description = "period (YYYY-MM) is this month (default) or the last; a month has one snapshot: asking again returns "
                    + "it (200) instead of taking another. The schedule takes last month's just after it ends (00:10 on the 1st, "
                    + "and on later days should the service have been down). Months are taken in order.")
    @APIResponse(responseCode = "201", description = "Taken",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerSnapshots.Summary.class)))
    @APIResponse(responseCode = "200", description = "Already taken; the existing snapshot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerSnapshots.Summary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response take(@Parameter(description = "YYYY-MM, this month or the last", example = "2026-11")
                         @QueryParam("period") String period) {
        LedgerSnapshots.Taken t = snapshots.takeOnDemand(period);
        return Response.status(t.created() ? 201 : 200).entity(t.snapshot()).build();
    }

    @GET
    @Path("/verification")
    @Operation(operationId = "verifyLedgerSnapshots", summary = "Check the hash chain",
            description = "Recomputes every snapshot's SHA-256 and checks that each names the one before it: a snapshot "
                    + "rewritten in the database is found here.")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact, and where it breaks")
    public LedgerSnapshots.ChainCheck verify() {
        return snapshots.verify();
    }

    @GET
    @Path("/{period}")
    @Operation(operationId = "getLedgerSnapshot", summary = "One month's snapshot: totals, reporting units, every issue")
    @APIResponse(responseCode = "200", description = "The frozen content (what the hash covers)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LedgerSnapshots.Content get(@PathParam("period") String period) {
        return snapshots.get(period);
    }

    @GET
    @Path("/{period}/diff")
    @Produces({MediaType.APPLICATION_JSON, Spreadsheets.XLSX})
    @Operation(operationId = "diffLedgerSnapshots", summary = "What changed from one month to another",
            description = "Issues registered, signed off, newly overdue (RED), reopened after sign-off, changed light (from → "
                    + "to), progress moved, and the lead units of open issues that filed no progress report for the later month. "
                    + "JSON, or XLSX with format=xlsx (or Accept).")
    @APIResponse(responseCode = "200", description = "The changes", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerSnapshots.Diff.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response diff(@PathParam("period") String period,
                         @Parameter(description = "The month to compare with (YYYY-MM)", required = true, example = "2026-10")
                         @QueryParam("against") String against,
                         @Parameter(description = "json (default) or xlsx") @QueryParam("format") String format,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean xlsx;
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if (!f.equals("json") && !f.equals("xlsx")) {
                throw new InvalidInputException("format", "must be json or xlsx");
            }
            xlsx = f.equals("xlsx");
        } else {
            xlsx = accept != null && accept.contains(Spreadsheets.XLSX) && !accept.contains(MediaType.APPLICATION_JSON);
        }
        LedgerSnapshots.Diff d = snapshots.diff(period, against);
        if (!xlsx) {
            return Response.ok(d, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(Spreadsheets.xlsx(d.period() + " 对比 " + d.against(), DIFF_HEADERS, LedgerSnapshots.rows(d)),
                        Spreadsheets.XLSX)
                .header("Content-Disposition", "attachment; filename=\"ledger-diff-" + d.period() + "-" + d.against() + ".xlsx\"")
                .build();
    }
}
