package cn.hanzhong.rectification.accountability.rest;

import cn.hanzhong.rectification.accountability.service.CaseStatsService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public disclosure of accountability (问责情况): counts only, of cases marked disclosable, no names. */
@Path("/api/v1/public/accountability/summary")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public disclosure", description = "Accountability counts for the public, no token")
public class PublicSummaryResource {

    private final CaseStatsService stats;

    public PublicSummaryResource(CaseStatsService stats) {
        this.stats = stats;
    }

    @GET
    @Operation(operationId = "getPublicAccountabilitySummary", summary = "Accountability in numbers", description = "Decided or closed cases marked disclosable: counts by "
            + "sanction, by unit kind of the subjects, by source and by year. No names, posts or document numbers.")
    @APIResponse(responseCode = "200", description = "The counts")
    public CaseStatsService.Summary summary() {
        return stats.publicSummary();
    }
}
