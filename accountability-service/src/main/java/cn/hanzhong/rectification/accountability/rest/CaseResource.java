package cn.hanzhong.rectification.accountability.rest;

import cn.hanzhong.rectification.accountability.domain.CaseAction;
import cn.hanzhong.rectification.accountability.domain.CaseSource;
import cn.hanzhong.rectification.accountability.domain.CaseStatus;
import cn.hanzhong.rectification.accountability.domain.LegalBasisKind;
import cn.hanzhong.rectification.accountability.domain.RankBand;
import cn.hanzhong.rectification.accountability.domain.ReviewOutcome;
import cn.hanzhong.rectification.accountability.domain.Sanction;
import cn.hanzhong.rectification.accountability.domain.SubjectKind;
import cn.hanzhong.rectification.accountability.rest.dto.CaseAmendmentRequest;
import cn.hanzhong.rectification.accountability.rest.dto.CaseRequest;
import cn.hanzhong.rectification.accountability.rest.dto.CaseResponse;
import cn.hanzhong.rectification.accountability.rest.dto.CaseTransition;
import cn.hanzhong.rectification.accountability.rest.dto.DisclosureRequest;
import cn.hanzhong.rectification.accountability.rest.dto.ReviewRequest;
import cn.hanzhong.rectification.accountability.service.CaseService;
import cn.hanzhong.rectification.accountability.service.CaseStatsService;
import cn.hanzhong.rectification.accountability.service.CaseView;
import cn.hanzhong.rectification.accountability.service.CaseWork;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.rest.ETags;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.vocabulary.Vocabulary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The accountability registry (责任追究). Sensitive: office and discipline bodies read and write,
 * leaders read; units and the provincial system get 403.
 */
@Path("/api/v1/accountability-cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICE, Roles.DISCIPLINE})
@Tag(name = "Accountability cases", description = "Cases opened by hand or proposed from the ledger's and petitions' events")
public class CaseResource {

    private static final SortableFields SORTABLE = SortableFields.of("code", "code", "createdAt", "createdAt",
            "updatedAt", "updatedAt", "status", "status").defaultSort("createdAt", false, "id");
    private static final SortableFields HISTORY_SORT = SortableFields.of("at", "id").defaultSort("at", true, "id");

    private final CaseService cases;
    private final CaseStatsService stats;
    private final CaseMapper mapper;
    private final CaseWork work;

    public CaseResource(CaseService cases, CaseWork work, CaseStatsService stats, CaseMapper mapper) {
        this.work = work;
        this.cases = cases;
        this.stats = stats;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.DISCIPLINE, Roles.LEADER})
    @Operation(operationId = "listAccountabilityCases", summary = "Search cases", description = "Sortable: code, createdAt, updatedAt, status (default createdAt,desc).")
    @APIResponse(responseCode = "200", description = "One page of cases")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<CaseResponse> search(@Parameter(description = "Status codes") @QueryParam("status") List<String> status,
                                     @Parameter(description = "Source codes") @QueryParam("source") List<String> source,
                                     @Parameter(description = "Cases about this issue") @QueryParam("issue") String issue,
                                     @Parameter(description = "Cases about this petition") @QueryParam("petition") String petition,
                                     @BeanParam PageParams paging) {
        return cases.search(QueryParams.enums("status", status, CaseStatus.class),
                QueryParams.enums("source", source, CaseSource.class), QueryParams.uuid("issue", issue), QueryParams.uuid("petition", petition),
                paging.toRequest(SORTABLE)).map(mapper::toResponse);
    }

    @POST
    @Operation(operationId = "openAccountabilityCase", summary = "Open a case by hand", description = "Status OPENED; related issues and petitions must be known "
            + "to this service (learned from their events), legal bases must be catalogue entries.")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response open(@Valid @NotNull CaseRequest request, @Context UriInfo uri) {
        var view = cases.open(request.toCommand());
        var c = view.accountabilityCase();
        return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                .entity(mapper.toResponse(view)).tag(ETags.of(c.version)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.DISCIPLINE, Roles.LEADER})
    @Operation(operationId = "getAccountabilityCase", summary = "Read a case")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        return ok(cases.get(id));
    }

    @POST
    @Path("/{id}/transitions")
    @Operation(operationId = "transitionAccountabilityCase", summary = "Move a case", description = "OPEN or DISMISS (with reason) a proposal; START_INVESTIGATION; "
            + "DECIDE with at least one decision per subject; CLOSE. Illegal moves are 409 with allowedActions.")
    @APIResponse(responseCode = "200", description = "The case after the move")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response transition(@PathParam("id") UUID id, @Valid @NotNull CaseTransition request,
                               @HeaderParam("If-Match") String ifMatch) {
        return ok(cases.transition(id, request.toCommand(), ETags.parseIfMatch(ifMatch)));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "amendAccountabilityCase", summary = "Work a case before its decision (office, discipline)",
            description = "While PROPOSED, OPENED or INVESTIGATING: add or remove subjects (a unit, or a person with name, "
                    + "post, rank band and unit), cite legal bases of the catalogue with the article relied on, change the "
                    + "allegations, add or remove related issues and petitions. Every change is a history line with the "
                    + "reason. After DECIDE a decision changes only through POST …/reviews (409 here).")
    @APIResponse(responseCode = "200", description = "The amended case")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull CaseAmendmentRequest request,
                          @HeaderParam("If-Match") String ifMatch) {
        return ok(work.amend(id, request.toCommand(), ETags.parseIfMatch(ifMatch)));
    }

    @POST
    @Path("/{id}/reviews")
    @Operation(operationId = "reviewAccountabilityDecision", summary = "Record a review or appeal of a decision (复核/申诉)",
            description = "For a DECIDED or CLOSED case: UPHELD keeps the decision on the subject, CHANGED replaces its "
                    + "sanction, REVOKED withdraws it; the review's document number (文号) is required. Recorded in the "
                    + "history and published as accountability.case-reviewed.")
    @APIResponse(responseCode = "200", description = "The case after the review")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response review(@PathParam("id") UUID id, @Valid @NotNull ReviewRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        return ok(work.review(id, request.toCommand(), ETags.parseIfMatch(ifMatch)));
    }

    @PUT
    @Path("/{id}/disclosure")
    @Operation(operationId = "setAccountabilityCaseDisclosure", summary = "Mark whether the case counts in the public summary")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CaseResponse disclosure(@PathParam("id") UUID id, @Valid @NotNull DisclosureRequest request) {
        return mapper.toResponse(cases.setDisclosure(id, request.disclosable(), request.disclosure()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OFFICE, Roles.DISCIPLINE, Roles.LEADER})
    @Operation(operationId = "listAccountabilityCaseHistory", summary = "A case's history")
    @APIResponse(responseCode = "200", description = "One page of history")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<CaseMapper.HistoryResponse> history(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return cases.history(id, paging.toRequest(HISTORY_SORT)).map(mapper::toResponse);
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.OFFICE, Roles.DISCIPLINE, Roles.LEADER})
    @Operation(operationId = "getAccountabilityStats", summary = "Counts by status, source and sanction")
    @APIResponse(responseCode = "200", description = "The figures")
    public CaseStatsService.Stats stats() {
        return stats.stats();
    }

    @GET
    @Path("/vocabularies")
    @RolesAllowed({Roles.OFFICE, Roles.DISCIPLINE, Roles.LEADER})
    @Operation(operationId = "listAccountabilityVocabularies", summary = "Code lists with Chinese labels")
    @APIResponse(responseCode = "200", description = "Lists by name")
    public Map<String, List<Vocabulary.Entry>> vocabularies() {
        return Vocabulary.of(Map.entry("status", Vocabulary.of(CaseStatus.class)),
                Map.entry("action", Vocabulary.of(CaseAction.class)),
                Map.entry("source", Vocabulary.of(CaseSource.class)),
                Map.entry("sanction", Vocabulary.of(Sanction.class)),
                Map.entry("subjectKind", Vocabulary.of(SubjectKind.class)),
                Map.entry("legalBasisKind", Vocabulary.of(LegalBasisKind.class)),
                Map.entry("rankBand", Vocabulary.of(RankBand.class)),
                Map.entry("reviewOutcome", Vocabulary.of(ReviewOutcome.class)));
    }

    private Response ok(CaseView view) {
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.accountabilityCase().version)).build();
    }
}
