package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.rest.dto.MeasureDtos;
import cn.hanzhong.rectification.issues.service.Measures;
import cn.hanzhong.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Measure by measure, unit by unit: each measure's owner and status, and each unit's part. */
@Path("/api/v1/issues/{id}/measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issues")
public class MeasureResource {

    private final Measures measures;

    public MeasureResource(Measures measures) {
        this.measures = measures;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "getMeasureBreakdown", summary = "The issue's measures and each unit's part",
            description = "Each measure with its owner unit (the lead unit unless assigned), status and done date; each unit with its "
                    + "measures done and its last reported share (cooperating units report their own part in the monthly dispatch). "
                    + "progressPercent is the lead unit's figure, the one the warning light uses.")
    @APIResponse(responseCode = "200", description = "The breakdown",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasureDtos.Breakdown.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MeasureDtos.Breakdown breakdown(@PathParam("id") UUID id) {
        return toResponse(measures.breakdown(id));
    }

    @PATCH
    @Path("/{seq}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICE, Roles.UNIT})
    @Operation(operationId = "trackMeasure", summary = "Assign a measure or mark it done",
            description = "ownerUnit: the lead unit or the office assigns the measure to the lead or a cooperating unit. status DONE: the "
                    + "measure's unit, the lead unit or the office, with doneOn (default today) and evidenceIds; PENDING again: the lead "
                    + "unit or the office. Every change is in the issue's history.")
    @APIResponse(responseCode = "200", description = "The breakdown after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasureDtos.Breakdown.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MeasureDtos.Breakdown track(@PathParam("id") UUID id, @PathParam("seq") int seq, @Valid @NotNull MeasureDtos.Update update) {
        return toResponse(measures.track(id, seq, update.toCommand()));
    }

    private static MeasureDtos.Breakdown toResponse(Measures.Breakdown b) {
        return new MeasureDtos.Breakdown(b.issueId(), b.progressPercent(),
                b.measures().stream().map(m -> new MeasureDtos.Measure(m.seq(), m.text(), m.ownerUnit(), m.status(), m.status().label(),
                        m.doneOn(), m.doneBy())).toList(),
                b.units().stream().map(u -> new MeasureDtos.UnitShare(u.unit(), u.lead(), u.measures(), u.done(), u.lastPeriod(),
                        u.lastPercent())).toList());
    }
}
