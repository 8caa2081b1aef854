package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.notification.domain.Bulletin;
import cn.hanzhong.rectification.notification.domain.BulletinStatus;
import cn.hanzhong.rectification.notification.rest.dto.BulletinResponse;
import cn.hanzhong.rectification.notification.rest.dto.DrawBulletinRequest;
import cn.hanzhong.rectification.notification.service.BulletinDocument;
import cn.hanzhong.rectification.notification.service.Bulletins;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.time.YearMonth;
import java.util.UUID;

/** Bulletins (情况通报): drawn from the services' figures, published by the office to every unit. */
@Path("/api/v1/bulletins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulletins", description = "Bulletins on progress and laggards (情况通报), as JSON and Word")
public class BulletinResource {

    private static final SortableFields SORTABLE = SortableFields.of("createdAt", "createdAt", "period", "period",
            "publishedAt", "publishedAt").defaultSort("createdAt", false, "id");

    private final Bulletins bulletins;
    private final BulletinDocument documents;
    private final ProgrammeClock clock;

    public BulletinResource(Bulletins bulletins, BulletinDocument documents, ProgrammeClock clock) {
        this.bulletins = bulletins;
        this.documents = documents;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "listBulletins", summary = "Bulletins, newest first",
            description = "Published bulletins for every reader; drafts for the office too. Without the figures (read one for them). "
                    + "Sortable: createdAt, period, publishedAt.")
    @APIResponse(responseCode = "200", description = "One page of bulletins")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<BulletinResponse> list(@Parameter(description = "DRAFT or PUBLISHED") @QueryParam("status") String status,
                                       @Parameter(description = "The month reported on", example = "2026-11") @QueryParam("period") String period,
                                       @BeanParam PageParams paging) {
        return bulletins.list(QueryParams.oneEnum("status", status, BulletinStatus.class), QueryParams.month("period", period),
                paging.toRequest(SORTABLE)).map(b -> BulletinResponse.of(b).summary());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "drawBulletin", summary = "Draw a draft bulletin from the latest figures (office)",
            description = "Overall progress, warning lights and the red list, units that did not report in the month, supervision "
                    + "orders outstanding, petitions, accountability and the ranking of units — each figure from the owning service's "
                    + "latest published figures (their stats endpoints at the instant shown in the content's *AsOf). 409 while a "
                    + "service has published none yet.")
    @APIResponse(responseCode = "201", description = "The draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulletinResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response draw(@Valid DrawBulletinRequest request, @Context UriInfo uri) {
        YearMonth period = request == null || request.period() == null ? YearMonth.from(clock.today()) : QueryParams.month("period", request.period());
        Bulletin b = bulletins.draw(period);
        return Response.created(uri.getAbsolutePathBuilder().path(b.id.toString()).build()).entity(BulletinResponse.of(b)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "getBulletin", summary = "A bulletin with its figures (a draft: the office only)")
    @APIResponse(responseCode = "200", description = "The bulletin",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulletinResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BulletinResponse get(@PathParam("id") UUID id) {
        return BulletinResponse.of(bulletins.get(id));
    }

    @GET
    @Path("/{id: [0-9a-fA-F-]{36}}.docx")
    @Produces(BulletinDocument.DOCX)
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "downloadBulletinDocument", summary = "The bulletin as a Word document (.docx)",
            description = "Red-header official form: issuer, 文号, title, addressees, numbered sections with tables, and a bar chart of "
                    + "completion by unit.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = BulletinDocument.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response document(@PathParam("id") UUID id) {
        Bulletin b = bulletins.get(id);
        String name = (b.documentNumber != null ? b.documentNumber : "情况通报（草稿）") + ".docx";
        return Response.ok(documents.render(b), BulletinDocument.DOCX)
                .header("Content-Disposition", "attachment; filename=\"bulletin-" + b.period + ".docx\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "publishBulletin", summary = "Publish a draft (office)",
            description = "Numbers it (文号 such as 汉整改通〔2026〕3号, per year), freezes it, and sends every unit, the office, leaders and "
                    + "discipline bodies a BULLETIN_PUBLISHED notice once (inbox, live stream, webhooks).")
    @APIResponse(responseCode = "200", description = "The published bulletin",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulletinResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public BulletinResponse publish(@PathParam("id") UUID id) {
        return BulletinResponse.of(bulletins.publish(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "deleteBulletinDraft", summary = "Delete a draft (office); a published bulletin stays")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@PathParam("id") UUID id) {
        bulletins.deleteDraft(id);
    }
}
