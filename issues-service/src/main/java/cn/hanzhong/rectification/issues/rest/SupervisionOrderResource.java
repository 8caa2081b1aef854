package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.OrderAction;
import cn.hanzhong.rectification.issues.domain.OrderStatus;
import cn.hanzhong.rectification.issues.domain.SupervisionLevel;
import cn.hanzhong.rectification.issues.repository.SupervisionOrderRepository;
import cn.hanzhong.rectification.issues.rest.dto.HistoryResponse;
import cn.hanzhong.rectification.issues.rest.dto.OrderTransitionRequest;
import cn.hanzhong.rectification.issues.rest.dto.SupervisionOrderRequest;
import cn.hanzhong.rectification.issues.rest.dto.SupervisionOrderResponse;
import cn.hanzhong.rectification.issues.service.SupervisionOrders;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Supervision orders (督办单): issued by the office to the lead unit of lagging issues, answered, returned or closed. */
@Path("/api/v1/supervision-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision orders", description = "督办单: issue, respond, return (退办), close; overdue once")
public class SupervisionOrderResource {

    static final SortableFields SORTABLE = SortableFields.of("number", "o.number", "dueDate", "o.due_date",
            "issuedAt", "o.issued_at", "status", "o.status").defaultSort("issuedAt", false, "o.id");
    private static final SortableFields HISTORY_SORT = SortableFields.of("at", "at").defaultSort("at", true, "id");

    private final SupervisionOrders orders;
    private final IssueMapper mapper;

    public SupervisionOrderResource(SupervisionOrders orders, IssueMapper mapper) {
        this.orders = orders;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "issueSupervisionOrder", summary = "Issue a supervision order (office)",
            description = "To the lead unit of the open issues named (all must share it), with a response due date or a number "
                    + "of working days. The number (文号) is generated per year (汉整改督〔2026〕N号) unless given; a given one must "
                    + "be unique (409). Publishes supervision-order.issued.")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupervisionOrderResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response issue(@Valid @NotNull SupervisionOrderRequest request) {
        SupervisionOrders.View v = orders.issue(request.toCommand());
        return Response.created(URI.create("/api/v1/supervision-orders/" + v.order().id)).tag(ETags.of(v.order().version))
                .entity(SupervisionOrderResponse.of(v)).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "listSupervisionOrders", summary = "Search supervision orders",
            description = "A unit sees only the orders addressed to it. Sortable: number, dueDate, issuedAt, status (default issuedAt,desc).")
    @APIResponse(responseCode = "200", description = "One page of orders")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<SupervisionOrderResponse> search(
            @Parameter(description = "Status codes", example = "ISSUED") @QueryParam("status") List<String> status,
            @Parameter(description = "Level codes", example = "KEY") @QueryParam("level") List<String> level,
            @Parameter(description = "The unit addressed", example = "SSTHJJ") @QueryParam("unit") String unit,
            @Parameter(description = "Orders concerning this issue") @QueryParam("issue") String issue,
            @Parameter(description = "true: past the due date without a response") @QueryParam("overdue") String overdue,
            @BeanParam PageParams paging) {
        var filter = new SupervisionOrderRepository.Filter(QueryParams.enums("status", status, OrderStatus.class),
                QueryParams.enums("level", level, SupervisionLevel.class), QueryParams.text("unit", unit, 40),
                QueryParams.uuid("issue", issue), QueryParams.bool("overdue", overdue));
        return orders.search(filter, paging.toRequest(SORTABLE)).map(SupervisionOrderResponse::of);
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "getSupervisionOrderStats", summary = "Orders per unit: awaiting a response, overdue, responded, closed, returns")
    @APIResponse(responseCode = "200", description = "Counts per unit (a unit: its own)")
    public List<SupervisionOrders.UnitCounts> stats() {
        return orders.countsByUnit();
    }

    @GET
    @Path("/vocabularies")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "listSupervisionOrderVocabularies", summary = "Levels, statuses and actions with Chinese labels")
    @APIResponse(responseCode = "200", description = "Lists by name")
    public Map<String, List<Vocabulary.Entry>> vocabularies() {
        return Vocabulary.of(Map.entry("level", Vocabulary.of(SupervisionLevel.class)),
                Map.entry("status", Vocabulary.of(OrderStatus.class)), Map.entry("action", Vocabulary.of(OrderAction.class)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "getSupervisionOrder", summary = "Read a supervision order", description = "With the actions the caller may take.")
    @APIResponse(responseCode = "200", description = "The order; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupervisionOrderResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        SupervisionOrders.View v = orders.get(id);
        return Response.ok(SupervisionOrderResponse.of(v)).tag(ETags.of(v.order().version)).build();
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICE, Roles.UNIT})
    @Operation(operationId = "transitionSupervisionOrder", summary = "Respond, return, close or withdraw",
            description = "RESPOND (the unit addressed; from ISSUED or RETURNED; response required), RETURN (office; reason and a new "
                    + "due date required), CLOSE (office; optional opinion in reason), WITHDRAW (office; reason required). "
                    + "If-Match with the ETag guards against a stale view.")
    @APIResponse(responseCode = "200", description = "The order after the action",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupervisionOrderResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response transition(@PathParam("id") UUID id, @Valid @NotNull OrderTransitionRequest request,
                               @HeaderParam("If-Match") String ifMatch) {
        SupervisionOrders.View v = orders.act(id, request.toCommand(), ETags.parseIfMatch(ifMatch));
        return Response.ok(SupervisionOrderResponse.of(v)).tag(ETags.of(v.order().version)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "listSupervisionOrderHistory", summary = "Every step of the order, oldest first")
    @APIResponse(responseCode = "200", description = "One page of history")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<HistoryResponse> history(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return orders.history(id, paging.toRequest(HISTORY_SORT)).map(mapper::toResponse);
    }
}
