package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.service.LedgerImport;
import cn.hanzhong.rectification.platform.rest.BodyLimit;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ledger filed back from a spreadsheet (整改台账导入). */
@Path("/api/v1/issue-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issues")
public class IssueImportResource {

    private final LedgerImport ledger;

    public IssueImportResource(LedgerImport ledger) {
        this.ledger = ledger;
    }

    @POST
    @Consumes({Spreadsheets.XLSX, Spreadsheets.CSV})
    @BodyLimit("20M")
    @RolesAllowed({Roles.OFFICE, Roles.PROVINCE})
    @Operation(operationId = "importLedger", summary = "Import the ledger from XLSX or CSV (office, province)",
            description = "The layout of GET /api/v1/issues/export (the header row is found by its 问题编号 and 问题描述 cells; "
                    + "column order is free; an optional 问题类别 column gives the category, else 其他). Per row: CREATED (no or "
                    + "an unknown 问题编号), UPDATED (title, target, measures, officials, cooperating units, deadline or term "
                    + "changed; office only, recorded in the history with reason 台账导入), UNCHANGED, or REJECTED with the "
                    + "columns that are wrong — units by name or code from the units directory; the lead unit and the source "
                    + "never change by import; progress, status, light and sign-off date are the workflow's and are ignored. "
                    + "A hundred rows are applied per transaction; when one of them is refused only as it is applied, "
                    + "the others are applied again without it, so a bad row never costs a good one and never "
                    + "leaves a half-written issue. dryRun=true validates and reports without writing anything. "
                    + "Importing an exported file unchanged reports every row UNCHANGED.")
    @RequestBody(content = {
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "The per-row report")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    public LedgerImport.Report importLedger(
            @Parameter(description = "true: validate and report only") @QueryParam("dryRun") String dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        boolean dry = Boolean.TRUE.equals(QueryParams.bool("dryRun", dryRun));
        return ledger.importSheet(body == null ? new byte[0] : body, contentType, dry);
    }
}
