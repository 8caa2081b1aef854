package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.domain.Channel;
import cn.hanzhong.rectification.petitions.domain.Completion;
import cn.hanzhong.rectification.petitions.domain.District;
import cn.hanzhong.rectification.petitions.domain.Feedback;
import cn.hanzhong.rectification.petitions.domain.Finding;
import cn.hanzhong.rectification.petitions.domain.PetitionAction;
import cn.hanzhong.rectification.petitions.domain.PetitionStatus;
import cn.hanzhong.rectification.petitions.domain.PollutionType;
import cn.hanzhong.rectification.petitions.repository.PetitionFilter;
import cn.hanzhong.rectification.petitions.rest.dto.DeadlineChange;
import cn.hanzhong.rectification.petitions.rest.dto.FeedbackRequest;
import cn.hanzhong.rectification.petitions.rest.dto.HistoryResponse;
import cn.hanzhong.rectification.petitions.rest.dto.PetitionResponse;
import cn.hanzhong.rectification.petitions.rest.dto.PublicationRequest;
import cn.hanzhong.rectification.petitions.rest.dto.RevealAudit;
import cn.hanzhong.rectification.petitions.rest.dto.RevealRequest;
import cn.hanzhong.rectification.petitions.rest.dto.RevealedReporter;
import cn.hanzhong.rectification.petitions.rest.dto.TransitionRequest;
import cn.hanzhong.rectification.petitions.service.DisclosureService;
import cn.hanzhong.rectification.petitions.service.PetitionService;
import cn.hanzhong.rectification.petitions.service.PetitionStatsService;
import cn.hanzhong.rectification.petitions.service.PetitionView;
import cn.hanzhong.rectification.petitions.service.PublicPetition;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.paging.KeysetPageParams;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Forwarded public petitions (群众信访举报): investigation, answer, review, look-back, feedback. */
@Path("/api/v1/petitions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Petitions", description = "Forwarded petitions from assignment to closing and look-back (回头看)")
public class PetitionResource {

    static final SortableFields SORTABLE = SortableFields.of("caseNumber", "p.case_number", "receivedAt", "p.received_at",
                    "deadline", "p.deadline", "status", "p.status", "district", "p.district", "updatedAt", "p.updated_at",
                    "batch", "p.batch_number")
            .defaultSort("receivedAt", false, "p.id");
    private static final SortableFields HISTORY_SORT = SortableFields.of("at", "id").defaultSort("at", true, "id");
    private static final SortableFields REVEAL_SORT = SortableFields.of("at", "at").defaultSort("at", false, "id");

    private final PetitionService petitions;
    private final DisclosureService disclosure;
    private final PetitionStatsService stats;
    private final PetitionMapper mapper;

    public PetitionResource(PetitionService petitions, DisclosureService disclosure, PetitionStatsService stats,
                            PetitionMapper mapper) {
        this.petitions = petitions;
        this.disclosure = disclosure;
        this.stats = stats;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "listPetitions", summary = "Search petitions", description = "A unit sees only its own (lead or cooperating). Sortable: "
            + "caseNumber, receivedAt, deadline, status, district, updatedAt, batch (default receivedAt,desc).")
    @APIResponse(responseCode = "200", description = "One page of petitions; reporters masked")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<PetitionResponse> search(
            @Parameter(description = "Batch numbers") @QueryParam("batch") List<String> batch,
            @Parameter(description = "Status codes") @QueryParam("status") List<String> status,
            @Parameter(description = "District codes (HTQ …)") @QueryParam("district") List<String> district,
            @Parameter(description = "Pollution type codes") @QueryParam("pollutionType") List<String> pollutionType,
            @Parameter(description = "Finding codes") @QueryParam("finding") List<String> finding,
            @Parameter(description = "Completion codes") @QueryParam("completion") List<String> completion,
            @QueryParam("leadUnit") String leadUnit,
            @Parameter(description = "Lead or cooperating unit") @QueryParam("unit") String unit,
            @Parameter(description = "true: 重点件 only") @QueryParam("priority") String priority,
            @QueryParam("overdue") String overdue,
            @QueryParam("receivedFrom") String receivedFrom,
            @QueryParam("receivedTo") String receivedTo,
            @Parameter(description = "Substring of case number, content or location; 2-character Chinese terms work",
                    example = "油烟") @QueryParam("q") String q,
            @BeanParam KeysetPageParams paging) {
        PetitionFilter filter = PetitionFilter.builder()
                .batches(batches(batch))
                .statuses(QueryParams.enums("status", status, PetitionStatus.class))
                .districts(QueryParams.enums("district", district, District.class))
                .pollutionTypes(QueryParams.enums("pollutionType", pollutionType, PollutionType.class))
                .findings(QueryParams.enums("finding", finding, Finding.class))
                .completions(QueryParams.enums("completion", completion, Completion.class))
                .leadUnit(QueryParams.text("leadUnit", leadUnit, 40))
                .unit(QueryParams.text("unit", unit, 40))
                .priority(QueryParams.bool("priority", priority))
                .overdue(QueryParams.bool("overdue", overdue))
                .receivedBetween(QueryParams.date("receivedFrom", receivedFrom), QueryParams.date("receivedTo", receivedTo))
                .q(QueryParams.text("q", q, 100))
                .build();
        return petitions.search(filter, paging.toRequest(SORTABLE)).map(mapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "getPetition", summary = "Read a petition", description = "The reporter is masked (张**, 138****1234).")
    @APIResponse(responseCode = "200", description = "The petition; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PetitionResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        return ok(petitions.get(id));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT})
    @Operation(operationId = "transitionPetition", summary = "Move a petition through its life",
            description = "ASSIGN (office), START_INVESTIGATION and CONCLUDE (lead unit), RETURN and CLOSE (office review), "
                    + "CONFIRM and REOPEN (office look-back), MARK_DUPLICATE (office). Illegal moves are 409 with allowedActions.")
    @APIResponse(responseCode = "200", description = "The petition after the move",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PetitionResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response transition(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request,
                               @HeaderParam("If-Match") String ifMatch) {
        return ok(petitions.transition(id, request.toCommand(), ETags.parseIfMatch(ifMatch)));
    }

    @POST
    @Path("/{id}/feedback")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "givePetitionFeedback", summary = "Record the petitioner's feedback (office)",
            description = "After closing. UNSATISFIED reopens the case (群众不满意不放过).")
    @APIResponse(responseCode = "200", description = "The petition")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public PetitionResponse feedback(@PathParam("id") UUID id, @Valid @NotNull FeedbackRequest request) {
        return mapper.toResponse(petitions.feedback(id, request.toCommand()));
    }

    @PUT
    @Path("/{id}/deadline")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "changePetitionDeadline", summary = "Change the deadline (office, with a reason)")
    @APIResponse(responseCode = "200", description = "The petition")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public PetitionResponse deadline(@PathParam("id") UUID id, @Valid @NotNull DeadlineChange change,
                                     @HeaderParam("If-Match") String ifMatch) {
        return mapper.toResponse(petitions.changeDeadline(id, change.deadline(), change.reason(), ETags.parseIfMatch(ifMatch)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "listPetitionHistory", summary = "A petition's history, oldest first")
    @APIResponse(responseCode = "200", description = "One page of history")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<HistoryResponse> history(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return petitions.history(id, paging.toRequest(HISTORY_SORT)).map(mapper::toResponse);
    }

    @POST
    @Path("/{id}/reporter/reveal")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "revealReporter", summary = "Reveal the reporter's identity (office, audited)",
            description = "Returns the reporter in clear to the office. Every attempt is recorded (who, roles, when, "
                    + "which case, why, outcome); any other role gets 403 and a DENIED record.")
    @APIResponse(responseCode = "200", description = "The reporter")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @cn.hanzhong.rectification.platform.rest.NotReplayable
    public RevealedReporter reveal(@PathParam("id") UUID id, @Valid @NotNull RevealRequest request) {
        var r = petitions.reveal(id, request.reason());
        return new RevealedReporter(r.anonymous(), r.name(), r.phone(), r.idNumber(), r.address());
    }

    @GET
    @Path("/reporter-reveals")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "listReporterReveals", summary = "The reveal audit (office)",
            description = "Every attempt, allowed or denied: petition and case number, who and with which roles, when, why, "
                    + "outcome; newest first.")
    @APIResponse(responseCode = "200", description = "One page of audit records")
    public Page<RevealAudit> reveals(@Parameter(description = "Only this petition") @QueryParam("petitionId") String petitionId,
                                     @BeanParam PageParams paging) {
        var page = petitions.reveals(QueryParams.uuid("petitionId", petitionId), paging.toRequest(REVEAL_SORT));
        return page.map(mapper::toResponse);
    }

    @GET
    @Path("/{id}/disclosure-preview")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "previewPetitionDisclosure", summary = "Preview the public row (office)", description = "The pseudonymised texts that publishing would disclose.")
    @APIResponse(responseCode = "200", description = "The row as it would be published")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PublicPetition preview(@PathParam("id") UUID id) {
        return disclosure.preview(id);
    }

    @POST
    @Path("/{id}/publication")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "publishPetition", summary = "Publish the petition's outcome (office)",
            description = "Stores the pseudonymised texts (reviewed ones if given) for /api/v1/public/petitions.")
    @APIResponse(responseCode = "200", description = "Published")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public PetitionResponse publish(@PathParam("id") UUID id, @Valid PublicationRequest request) {
        return mapper.toResponse(disclosure.publish(id, request == null ? null : request.toCommand()));
    }

    @DELETE
    @Path("/{id}/publication")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "unpublishPetition", summary = "Withdraw the publication (office)")
    @APIResponse(responseCode = "200", description = "No longer public")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PetitionResponse unpublish(@PathParam("id") UUID id, @QueryParam("reason") String reason) {
        return mapper.toResponse(disclosure.unpublish(id, reason));
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "getPetitionStats", summary = "Bulletin figures (通报)",
            description = "By district, pollution type, finding, status, completion and batch; enforcement totals.")
    @APIResponse(responseCode = "200", description = "The figures")
    public PetitionStatsService.Stats stats(@QueryParam("batch") List<String> batch) {
        return stats.stats(PetitionFilter.builder().batches(batches(batch)).build());
    }

    @GET
    @Path("/vocabularies")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "listPetitionVocabularies", summary = "Code lists with Chinese labels")
    @APIResponse(responseCode = "200", description = "Lists by name")
    public Map<String, List<Vocabulary.Entry>> vocabularies() {
        return Vocabulary.of(
                Map.entry("status", Vocabulary.of(PetitionStatus.class)),
                Map.entry("action", Vocabulary.of(PetitionAction.class)),
                Map.entry("channel", Vocabulary.of(Channel.class)),
                Map.entry("pollutionType", Vocabulary.of(PollutionType.class)),
                Map.entry("finding", Vocabulary.of(Finding.class)),
                Map.entry("completion", Vocabulary.of(Completion.class)),
                Map.entry("feedback", Vocabulary.of(Feedback.class)),
                Map.entry("district", Vocabulary.of(District.class)));
    }

    static Set<Integer> batches(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        try {
            return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(Integer::valueOf).collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("batch", "must be batch numbers");
        }
    }

    private Response ok(PetitionView view) {
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.petition().version)).build();
    }
}
