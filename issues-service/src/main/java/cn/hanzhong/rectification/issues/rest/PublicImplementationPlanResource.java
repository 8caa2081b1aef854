package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.rest.dto.PlanDtos;
import cn.hanzhong.rectification.issues.service.ImplementationPlans;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The accepted unit implementation plans, for the public (向社会公布). No token. */
@Path("/api/v1/public/implementation-plans")
@PermitAll
@Tag(name = "Public disclosure")
public class PublicImplementationPlanResource {

    private final ImplementationPlans plans;

    public PublicImplementationPlanResource(ImplementationPlans plans) {
        this.plans = plans;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicImplementationPlans", summary = "The units' accepted implementation plans",
            description = "Unit, title, document number, date, where the unit published it, and the file.")
    @APIResponse(responseCode = "200", description = "The plans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PlanDtos.PublicPlan.class)))
    public List<PlanDtos.PublicPlan> list() {
        return plans.published().stream().filter(v -> v.latest() != null).map(v -> {
            var s = v.latest();
            return new PlanDtos.PublicPlan(v.plan().unit, v.unitName(), s.title, s.documentNumber, s.submittedOn, s.publicUrl,
                    "/api/v1/public/implementation-plans/" + v.plan().unit + "/file");
        }).toList();
    }

    @GET
    @Path("/{unit}/file")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadPublicImplementationPlan", summary = "Download an accepted plan")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "The file as stored, with the type told from its bytes (PDF, image, Word…)")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response file(@PathParam("unit") String unit) {
        return ImplementationPlanResource.download(plans.file(unit, true));
    }
}
