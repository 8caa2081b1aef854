package cn.hanzhong.rectification.platform.security;

import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/** The office's view of every read that relied on a grant (services whose records cases name only). */
@Path("/api/v1/read-audits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICE)
@EndpointDisabled(name = "platform.read-grants.enabled", stringValue = "false", disableIfMissing = true)
@Tag(name = "Audit", description = "Reads by the discipline body of records named by accountability cases (审计)")
public class ReadAuditResource {

    private static final SortableFields NEWEST_FIRST = SortableFields.of("id", "id").defaultSort("id", false, "id");

    private final ReadGrants grants;

    public ReadAuditResource(ReadGrants grants) {
        this.grants = grants;
    }

    @GET
    @Operation(operationId = "listReadAudits", summary = "Audited reads by the discipline body (office)",
            description = "Every attempt of the discipline body to read a single record here, allowed (the record is named by an "
                    + "accountability case) or denied, newest first.")
    @APIResponse(responseCode = "200", description = "One page of audit records")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<ReadGrants.Audit> list(
            @Parameter(description = "Only reads of this record (issue or petition id)") @QueryParam("itemId") String itemId,
            @BeanParam PageParams paging) {
        return grants.audits(Optional.ofNullable(QueryParams.uuid("itemId", itemId)), paging.toRequest(NEWEST_FIRST));
    }
}
