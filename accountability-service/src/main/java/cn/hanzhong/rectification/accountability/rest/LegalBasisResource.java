package cn.hanzhong.rectification.accountability.rest;

import cn.hanzhong.rectification.accountability.rest.dto.LegalBasisRequest;
import cn.hanzhong.rectification.accountability.rest.dto.LegalBasisResponse;
import cn.hanzhong.rectification.accountability.service.LegalBasisService;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalogue of legal bases (法律法规依据) that cases cite. */
@Path("/api/v1/legal-bases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Legal bases", description = "Laws and regulations with articles and situations (情形)")
public class LegalBasisResource {

    private static final SortableFields SORTABLE = SortableFields.of("code", "code", "title", "title")
            .defaultSort("code", true, "id");

    private final LegalBasisService bases;
    private final CaseMapper mapper;

    public LegalBasisResource(LegalBasisService bases, CaseMapper mapper) {
        this.bases = bases;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.DISCIPLINE, Roles.LEADER})
    @Operation(operationId = "listLegalBases", summary = "List the catalogue")
    @APIResponse(responseCode = "200", description = "One page of entries")
    public Page<LegalBasisResponse> list(@QueryParam("q") String q, @BeanParam PageParams paging) {
        return bases.list(QueryParams.text("q", q, 100), paging.toRequest(SORTABLE)).map(mapper::toResponse);
    }

    @POST
    @RolesAllowed({Roles.OFFICE, Roles.DISCIPLINE})
    @Operation(operationId = "createLegalBasis", summary = "Add an entry (office, discipline)")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LegalBasisResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Valid @NotNull LegalBasisRequest request, @Context UriInfo uri) {
        var b = bases.create(request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(b.id.toString()).build()).entity(mapper.toResponse(b)).build();
    }
}
