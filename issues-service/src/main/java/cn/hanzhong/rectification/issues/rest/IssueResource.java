package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.Approach;
import cn.hanzhong.rectification.issues.domain.Category;
import cn.hanzhong.rectification.issues.domain.ExtensionStatus;
import cn.hanzhong.rectification.issues.domain.Issue;
import cn.hanzhong.rectification.issues.domain.IssueAction;
import cn.hanzhong.rectification.issues.domain.IssueSource;
import cn.hanzhong.rectification.issues.domain.IssueStatus;
import cn.hanzhong.rectification.issues.domain.Term;
import cn.hanzhong.rectification.issues.domain.Track;
import cn.hanzhong.rectification.issues.domain.UnitKind;
import cn.hanzhong.rectification.issues.domain.WarningLight;
import cn.hanzhong.rectification.issues.repository.IssueFilter;
import cn.hanzhong.rectification.issues.rest.dto.HistoryResponse;
import cn.hanzhong.rectification.issues.rest.dto.IssueRequest;
import cn.hanzhong.rectification.issues.rest.dto.IssueResponse;
import cn.hanzhong.rectification.issues.rest.dto.IssueUpdate;
import cn.hanzhong.rectification.issues.rest.dto.TransitionRequest;
import cn.hanzhong.rectification.issues.service.IssueEditing;
import cn.hanzhong.rectification.issues.service.IssueQueries;
import cn.hanzhong.rectification.issues.service.IssueRegistration;
import cn.hanzhong.rectification.issues.service.IssueStats;
import cn.hanzhong.rectification.issues.service.IssueStatsService;
import cn.hanzhong.rectification.issues.service.IssueTransitions;
import cn.hanzhong.rectification.issues.service.IssueView;
import cn.hanzhong.rectification.issues.service.LedgerExport;
import cn.hanzhong.rectification.platform.paging.KeysetPageParams;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.rest.ETags;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.vocabulary.Vocabulary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.StreamingOutput;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rectification ledger (整改台账): feedback issues from registration to sign-off, with history
 * and figures. Progress reports and deadline extensions have resources of their own.
 */
@Path("/api/v1/issues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issues", description = "The rectification ledger (整改台账): register, assign, rectify, accept and sign off (销号)")
public class IssueResource {

    static final SortableFields SORTABLE = SortableFields.of(
                    "code", "i.code", "deadline", "i.deadline", "createdAt", "i.created_at", "updatedAt", "i.updated_at",
                    "progressPercent", "i.progress_percent", "status", "i.status", "title", "i.title")
            .defaultSort("createdAt", false, "i.id");
    private static final SortableFields HISTORY_SORT = SortableFields.of("at", "id").defaultSort("at", true, "id");
    private static final String IF_MATCH_DOC = "The ETag of the issue as last read; a stale one is 412";

    private final IssueQueries queries;
    private final IssueRegistration registration;
    private final IssueEditing editing;
    private final IssueTransitions transitions;
    private final IssueStatsService stats;
    private final IssueMapper mapper;
    private final LedgerExport ledger;
    private final ProgrammeClock clock;

    public IssueResource(IssueQueries queries, IssueRegistration registration, IssueEditing editing,
                         IssueTransitions transitions, IssueStatsService stats, IssueMapper mapper, LedgerExport ledger,
                         ProgrammeClock clock) {
        this.queries = queries;
        this.registration = registration;
        this.editing = editing;
        this.transitions = transitions;
        this.stats = stats;
        this.mapper = mapper;
        this.ledger = ledger;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "listIssues", summary = "Search the ledger",
            description = "Filters combine with AND; list filters take several values (repeated or comma-separated). "
                    + "A unit sees only issues where it is lead or cooperating unit. Sortable: code, deadline, createdAt, "
                    + "updatedAt, progressPercent, status, title (default createdAt,desc).")
    @APIResponse(responseCode = "200", description = "One page of issues")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<IssueResponse> search(@BeanParam IssueFilterParams criteria, @BeanParam KeysetPageParams paging) {
        IssueFilter filter = criteria.toFilter();
        return queries.search(filter, paging.toRequest(SORTABLE)).map(mapper::toResponse);
    }

    @GET
    @Path("/export")
    @Produces({Spreadsheets.XLSX, Spreadsheets.CSV})
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "exportLedger", summary = "Export the ledger (整改台账) as XLSX or CSV",
            description = "The same criteria as the list, every issue that matches (a unit: its own), ordered by code. XLSX in the "
                    + "official layout: title row, date drawn, columns 序号, 问题编号, 问题来源, 问题描述, 整改目标, 整改措施, 牵头单位, "
                    + "配合单位, 责任人（姓名、职务）, 整改时限, 整改进展（%）, 当前状态, 预警 (coloured), 销号日期; header frozen and repeated "
                    + "on every printed A3 landscape page. CSV: UTF-8 with BOM, the header row and the rows, formula-like cells "
                    + "neutralised. format=xlsx|csv, or the Accept header; XLSX by default. Streamed: any size.")
    @APIResponse(responseCode = "200", description = "The ledger file", content = {
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response export(@BeanParam IssueFilterParams criteria,
                           @Parameter(description = "xlsx (default) or csv") @QueryParam("format") String format,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        LedgerExport.Format as = exportFormat(format, accept);
        IssueFilter filter = queries.scoped(criteria.toFilter());
        String file = "ledger-" + clock.today() + (as == LedgerExport.Format.CSV ? ".csv" : ".xlsx");
        StreamingOutput body = out -> ledger.write(filter, as, out);
        return Response.ok(body, as == LedgerExport.Format.CSV ? Spreadsheets.CSV + ";charset=UTF-8" : Spreadsheets.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(file.replace("ledger", "整改台账"), java.nio.charset.StandardCharsets.UTF_8))
                .build();
    }

    private static LedgerExport.Format exportFormat(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "xlsx" -> LedgerExport.Format.XLSX;
                case "csv" -> LedgerExport.Format.CSV;
                default -> throw new InvalidInputException("format", "must be xlsx or csv");
            };
        }
        return accept != null && accept.contains(Spreadsheets.CSV) && !accept.contains(Spreadsheets.XLSX)
                ? LedgerExport.Format.CSV : LedgerExport.Format.XLSX;
    }

    @POST
    @RolesAllowed({Roles.OFFICE, Roles.PROVINCE})
    @Operation(operationId = "registerIssue", summary = "Register an issue (or upsert by externalId)",
            description = "Registers a ledger item in status REGISTERED and publishes issue.registered. With an externalId "
                    + "already registered (the provincial system's import), the same body changes nothing (200) and a "
                    + "changed one updates the differing fields (200).")
    @APIResponse(responseCode = "201", description = "Registered; Location points to it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssueResponse.class)))
    @APIResponse(responseCode = "200", description = "The externalId was known: unchanged or updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssueResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response register(@Valid @NotNull IssueRequest request, @Context UriInfo uri) {
        IssueRegistration.Registration r = registration.register(request.toCommand());
        Issue issue = r.view().issue();
        Response.ResponseBuilder response = r.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(issue.id.toString()).build())
                : Response.ok();
        return response.entity(mapper.toResponse(r.view())).tag(ETags.of(issue.version)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "getIssue", summary = "Read an issue", description = "Includes warningLight and the actions the caller may take now.")
    @APIResponse(responseCode = "200", description = "The issue; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssueResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        return ok(queries.get(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "updateIssue", summary = "Edit an issue (office)",
            description = "Only the fields present change; each change is recorded in the history. A deadline change "
                    + "needs a reason and publishes issue.deadline-changed.")
    @APIResponse(responseCode = "200", description = "The edited issue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssueResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull IssueUpdate update,
                           @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return ok(editing.edit(id, update.toCommand(), ETags.parseIfMatch(ifMatch)));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT})
    @Operation(operationId = "transitionIssue", summary = "Move an issue through its life",
            description = "Actions: ASSIGN (office), START (lead unit), REQUEST_ACCEPTANCE (lead unit), ACCEPT (office → "
                    + "SIGNED_OFF 销号), REJECT (office → IN_PROGRESS), CANCEL (office), REOPEN (office, after sign-off). "
                    + "A move the state does not allow is 409 listing allowedActions; an action of another role is 403.")
    @APIResponse(responseCode = "200", description = "The issue after the move",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssueResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response transition(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request,
                               @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return ok(transitions.transition(id, request.toCommand(), ETags.parseIfMatch(ifMatch)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "listIssueHistory", summary = "An issue's history", description = "Every change: field, old → new, who, when, why. Append-only, oldest first.")
    @APIResponse(responseCode = "200", description = "One page of history")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<HistoryResponse> history(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return queries.history(id, paging.toRequest(HISTORY_SORT)).map(mapper::toResponse);
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "getIssueStats", summary = "Battle-map and assessment figures (挂图督战、目标考核)",
            description = "Counts by status, category, lead unit, district and warning light; per lead unit: assigned, "
                    + "signed off, signed off on time, overdue, and onTimeRate = signedOffOnTime / (signedOff + overdue). "
                    + "A unit gets the figures of its own issues.")
    @APIResponse(responseCode = "200", description = "The figures")
    public IssueStats stats() {
        return stats.stats();
    }

    @GET
    @Path("/vocabularies")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "listIssueVocabularies", summary = "Code lists with Chinese labels", description = "For front ends: every enum of this API with its 中文 label.")
    @APIResponse(responseCode = "200", description = "Lists by name",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    public Map<String, List<Vocabulary.Entry>> vocabularies() {
        return Vocabulary.of(
                Map.entry("status", Vocabulary.of(IssueStatus.class)),
                Map.entry("action", Vocabulary.of(IssueAction.class)),
                Map.entry("source", Vocabulary.of(IssueSource.class)),
                Map.entry("category", Vocabulary.of(Category.class)),
                Map.entry("approach", Vocabulary.of(Approach.class)),
                Map.entry("track", Vocabulary.of(Track.class)),
                Map.entry("term", Vocabulary.of(Term.class)),
                Map.entry("warningLight", Vocabulary.of(WarningLight.class)),
                Map.entry("extensionStatus", Vocabulary.of(ExtensionStatus.class)),
                Map.entry("unitKind", Vocabulary.of(UnitKind.class)));
    }

    private Response ok(IssueView view) {
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.issue().version)).build();
    }
}
