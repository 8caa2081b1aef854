package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.LookBackCheck;
import cn.hanzhong.rectification.issues.rest.dto.LookBackDtos;
import cn.hanzhong.rectification.issues.service.LookBacks;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Look-back (回头看) by random sample: draw, re-draw to verify, record what each check found, the figures. */
@Path("/api/v1/look-backs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Look-back", description = "回头看: random samples of signed-off issues checked again")
public class LookBackResource {

    private static final SortableFields SORT = SortableFields.of("drawnAt", "drawnAt").defaultSort("drawnAt", false, "id");

    private final LookBacks lookBacks;

    public LookBackResource(LookBacks lookBacks) {
        this.lookBacks = lookBacks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "drawLookBack", summary = "Draw a look-back sample (office)",
            description = "A count or a percentage of the signed-off issues (optionally signed off within a period), stratified by DISTRICT "
                    + "and/or CATEGORY, drawn with a recorded seed: the population in code order, ⌊n·Nₛ/N⌋ per stratum and the rest by "
                    + "largest remainder, then per stratum in key order a partial Fisher–Yates shuffle driven by java.util.Random(seed). "
                    + "Each sampled issue gets a check by the next checker unit that is not its lead unit, due on dueDate or in "
                    + "dueWorkingDays; the draw is in each issue's history.")
    @APIResponse(responseCode = "201", description = "Drawn",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LookBackDtos.LookBack.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response draw(@Valid @NotNull LookBackDtos.DrawRequest request, @Context UriInfo uri) {
        LookBacks.View v = lookBacks.draw(request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(v.lookBack().id.toString()).build()).entity(toResponse(v)).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "listLookBacks", summary = "List look-backs, newest first")
    @APIResponse(responseCode = "200", description = "One page of look-backs")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<LookBackDtos.LookBack> list(@BeanParam PageParams paging) {
        return lookBacks.list(paging.toRequest(SORT)).map(LookBackResource::toResponse);
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.PROVINCE})
    @Operation(operationId = "lookBackStats", summary = "Look-back coverage, recurrence and paper-rectification rates",
            description = "Per lead unit (by=leadUnit, default) or per district (by=district): issues ever signed off, sampled, checked, "
                    + "confirmed, recurred, found paper rectification, and the rates.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = LookBackDtos.Figures.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<LookBackDtos.Figures> stats(@Parameter(description = "leadUnit (default) or district") @QueryParam("by") String by) {
        String grouping = by == null || by.isBlank() ? "leadUnit" : by.strip();
        if (!grouping.equals("leadUnit") && !grouping.equals("district")) {
            throw new InvalidInputException("by", "must be leadUnit or district");
        }
        return lookBacks.stats(grouping).stream().map(f -> new LookBackDtos.Figures(f.key(), f.signedOff(), f.sampled(), f.checked(),
                f.confirmed(), f.recurred(), f.paperRectification(), f.coverage(), f.recurrenceRate(), f.paperRectificationRate())).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.PROVINCE, Roles.UNIT})
    @Operation(operationId = "getLookBack", summary = "One look-back with its checks",
            description = "A unit sees only the look-backs it checks for, with its own checks (404 otherwise).")
    @APIResponse(responseCode = "200", description = "The look-back",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LookBackDtos.LookBack.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LookBackDtos.LookBack get(@PathParam("id") UUID id) {
        return toResponse(lookBacks.get(id));
    }

    @GET
    @Path("/{id}/verification")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.PROVINCE, Roles.UNIT})
    @Operation(operationId = "verifyLookBack", summary = "Re-draw the sample from the recorded population and seed",
            description = "Shows that the sample was drawn, not picked: matches is true when the re-draw gives the recorded sample.")
    @APIResponse(responseCode = "200", description = "The re-draw",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LookBackDtos.Verification.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LookBackDtos.Verification verify(@PathParam("id") UUID id) {
        LookBacks.Verification v = lookBacks.verify(id);
        return new LookBackDtos.Verification(v.lookBackId(), v.seed(), v.populationSize(), v.populationIntact(), v.recorded(),
                v.redrawn(), v.matches());
    }

    @POST
    @Path("/{id}/checks/{checkId}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICE, Roles.UNIT})
    @Operation(operationId = "recordLookBackCheck", summary = "Record what a check found (the checker unit or the office)",
            description = "CONFIRMED: still rectified. RECURRED: the problem is back; the issue reopens with the new deadline "
                    + "(issue.reopened). PAPER_RECTIFICATION: the rectification was fake or superficial; the issue reopens and "
                    + "issue.paper-rectification-found is published, for which the accountability service proposes a case. "
                    + "Evidence files (uploaded to the issue by the checker) go with it.")
    @APIResponse(responseCode = "200", description = "The look-back after the record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LookBackDtos.LookBack.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public LookBackDtos.LookBack record(@PathParam("id") UUID id, @PathParam("checkId") UUID checkId,
                                        @Valid @NotNull LookBackDtos.OutcomeRequest request) {
        return toResponse(lookBacks.record(id, checkId, request.toCommand()));
    }

    static LookBackDtos.LookBack toResponse(LookBacks.View v) {
        var lb = v.lookBack();
        return new LookBackDtos.LookBack(lb.id, lb.title, lb.seed, lb.requestedCount, lb.requestedPercent, lb.sampleSize,
                List.copyOf(lb.stratifyBy), lb.population.size(), lb.populationSha256, lb.signedOffFrom, lb.signedOffTo,
                List.copyOf(lb.checkerUnits), lb.dueDate, lb.drawnByName, lb.drawnAt,
                v.checks().stream().map(c -> toResponse(c, v.codes().get(c.issueId))).toList());
    }

    private static LookBackDtos.Check toResponse(LookBackCheck c, String code) {
        return new LookBackDtos.Check(c.id, c.issueId, code, c.checkerUnit, c.dueDate, c.status, c.status.label(), c.findings,
                c.checkedOn, c.checkedBy, c.recordedAt);
    }
}
