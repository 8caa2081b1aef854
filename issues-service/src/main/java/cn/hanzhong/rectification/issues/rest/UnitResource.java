package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.UnitKind;
import cn.hanzhong.rectification.issues.rest.dto.UnitRequest;
import cn.hanzhong.rectification.issues.rest.dto.UnitResponse;
import cn.hanzhong.rectification.issues.service.UnitService;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.rest.QueryParams;
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

/** The units directory (责任单位): the office, leading groups, city departments, counties/districts, committees. */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "The directory of responsible units (责任单位)")
public class UnitResource {

    private static final SortableFields SORTABLE = SortableFields.of("code", "code", "name", "name", "kind", "kind")
            .defaultSort("code", true, "code");

    private final UnitService units;
    private final IssueMapper mapper;

    public UnitResource(UnitService units, IssueMapper mapper) {
        this.units = units;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.DISCIPLINE, Roles.PROVINCE, Roles.LEADER})
    @Operation(operationId = "listUnits", summary = "List units", description = "Sortable: code, name, kind (default code).")
    @APIResponse(responseCode = "200", description = "One page of units")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<UnitResponse> list(
            @Parameter(description = "OFFICE, CITY_DEPARTMENT, COUNTY_DISTRICT, MANAGEMENT_COMMITTEE or LEADING_GROUP")
            @QueryParam("kind") String kind,
            @Parameter(description = "true or false") @QueryParam("active") String active,
            @Parameter(description = "Part of the code or name", example = "生态") @QueryParam("q") String q,
            @BeanParam PageParams paging) {
        return units.list(QueryParams.oneEnum("kind", kind, UnitKind.class), QueryParams.bool("active", active),
                QueryParams.text("q", q, 100), paging.toRequest(SORTABLE)).map(mapper::toResponse);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.DISCIPLINE, Roles.PROVINCE, Roles.LEADER})
    @Operation(operationId = "getUnit", summary = "Read a unit")
    @APIResponse(responseCode = "200", description = "The unit")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UnitResponse get(@PathParam("code") String code) {
        return mapper.toResponse(units.get(code));
    }

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "createUnit", summary = "Add a unit (office)")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Valid @NotNull UnitRequest request, @Context UriInfo uri) {
        var unit = units.create(request.code(), request.name(), request.kind());
        return Response.created(uri.getAbsolutePathBuilder().path(unit.code).build())
                .entity(mapper.toResponse(unit)).build();
    }

    @POST
    @Path("/{code}/deactivation")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "deactivateUnit", summary = "Deactivate a unit (office)", description = "A deactivated unit cannot be given new issues; its history stays.")
    @APIResponse(responseCode = "200", description = "Deactivated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UnitResponse deactivate(@PathParam("code") String code) {
        return mapper.toResponse(units.deactivate(code));
    }

    @POST
    @Path("/{code}/activation")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "activateUnit", summary = "Reactivate a unit (office)")
    @APIResponse(responseCode = "200", description = "Active again")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UnitResponse activate(@PathParam("code") String code) {
        return mapper.toResponse(units.reactivate(code));
    }
}
