package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.domain.District;
import cn.hanzhong.rectification.petitions.domain.Finding;
import cn.hanzhong.rectification.petitions.domain.PollutionType;
import cn.hanzhong.rectification.petitions.repository.PetitionFilter;
import cn.hanzhong.rectification.petitions.service.DisclosureService;
import cn.hanzhong.rectification.petitions.service.PublicPetition;
import cn.hanzhong.rectification.petitions.tables.Tables;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.paging.KeysetPageParams;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Public disclosure of petition outcomes (信息公开) in the inspection teams' table layout: only what
 * the office published; never the reporter; free text pseudonymised.
 */
@Path("/api/v1/public/petitions")
@PermitAll
@Tag(name = "Public disclosure", description = "Petition outcomes for the public, no token")
public class PublicPetitionResource {

    /** The JSON shape of a page of published petitions (the platform's page of {@link PublicPetition}). */
    @Schema(name = "PagePublicPetition")
    record PublicPetitionPage(List<PublicPetition> items, int page, int size, long totalItems, boolean totalItemsExact,
                              int totalPages, @Schema(nullable = true) String nextCursor) {
    }

    private final DisclosureService disclosure;

    public PublicPetitionResource(DisclosureService disclosure) {
        this.disclosure = disclosure;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tables.CSV, Tables.XLSX})
    @Operation(operationId = "listPublicPetitions", summary = "Published petition outcomes",
            description = "JSON pages by default; the whole table as CSV or XLSX with Chinese headers with "
                    + "format=csv|xlsx or the Accept header (受理编号, 交办问题基本情况, 行政区域, 污染类型, 调查核实情况, "
                    + "是否属实, 处理和整改情况 with the counts, 责任追究情况, 是否办结).")
    @APIResponse(responseCode = "200", description = "The table",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicPetitionPage.class)),
                    @Content(mediaType = Tables.CSV,
                    schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Tables.XLSX,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@Parameter(description = "District codes") @QueryParam("district") List<String> district,
                         @Parameter(description = "Pollution type codes") @QueryParam("pollutionType") List<String> types,
                         @Parameter(description = "Finding codes") @QueryParam("finding") List<String> finding,
                         @Parameter(description = "Batch numbers") @QueryParam("batch") List<String> batch,
                         @Parameter(description = "Substring of the published texts", example = "油烟") @QueryParam("q") String q,
                         @Parameter(description = "json (default), csv or xlsx") @QueryParam("format") String format,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept,
                         @BeanParam KeysetPageParams paging) {
        PetitionFilter filter = PetitionFilter.builder()
                .districts(QueryParams.enums("district", district, District.class))
                .pollutionTypes(QueryParams.enums("pollutionType", types, PollutionType.class))
                .findings(QueryParams.enums("finding", finding, Finding.class))
                .batches(PetitionResource.batches(batch))
                .q(QueryParams.text("q", q, 100))
                .publishedOnly()
                .build();
        String f = format != null ? format.strip().toLowerCase()
                : accept != null && accept.contains(Tables.XLSX) ? "xlsx"
                : accept != null && accept.contains(Tables.CSV) ? "csv" : "json";
        switch (f) {
            case "json" -> {
                return Response.ok(disclosure.list(filter, paging.toRequest(PetitionResource.SORTABLE)))
                        .type(MediaType.APPLICATION_JSON).build();
            }
            case "csv" -> {
                List<Object[]> rows = disclosure.export(filter).stream().map(PublicPetition::cells).toList();
                return Response.ok(Tables.writeCsv(PublicPetition.HEADERS, rows)).type(Tables.CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"petitions.csv\"").build();
            }
            case "xlsx" -> {
                List<Object[]> rows = disclosure.export(filter).stream().map(PublicPetition::cells).toList();
                return Response.ok(Tables.writeXlsx("信访件办理情况", PublicPetition.HEADERS, rows)).type(Tables.XLSX)
                        .header("Content-Disposition", "attachment; filename=\"petitions.xlsx\"").build();
            }
            default -> throw new InvalidInputException("format", "must be json, csv or xlsx");
        }
    }
}
