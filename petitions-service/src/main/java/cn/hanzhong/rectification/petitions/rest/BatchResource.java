package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.rest.dto.BatchRequest;
import cn.hanzhong.rectification.petitions.service.BatchReport;
import cn.hanzhong.rectification.petitions.service.BatchService;
import cn.hanzhong.rectification.petitions.tables.Tables;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import cn.hanzhong.rectification.platform.rest.BodyLimit;
import cn.hanzhong.rectification.platform.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** Batches (第N批) of petitions forwarded by the inspection team: JSON, CSV or XLSX intake. */
@Path("/api/v1/petition-batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Petition batches", description = "Intake of forwarded petitions (转办信访件), idempotent by batch and 受理编号")
public class BatchResource {

    private static final SortableFields SORTABLE = SortableFields.of("number", "number", "receivedOn", "receivedOn")
            .defaultSort("number", true, "number");

    /** A batch as listed. */
    public record BatchSummary(int number, LocalDate receivedOn, int deadlineWorkingDays, String note, long cases) {
    }

    private final BatchService batches;
    private final ObjectMapper mapper;

    public BatchResource(BatchService batches, ObjectMapper mapper) {
        this.batches = batches;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit("16M")
    @RolesAllowed({Roles.OFFICE, Roles.PROVINCE})
    @Operation(operationId = "postPetitionBatch", summary = "Post a batch with its cases",
            description = "Idempotent: re-posting the same batch changes nothing; a changed case is updated and the "
                    + "change recorded. The report says per row: CREATED, UPDATED, UNCHANGED or REJECTED with reasons; "
                    + "a bad row never loses the good ones.")
    @APIResponse(responseCode = "200", description = "The per-row report")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    public BatchReport post(@Valid @NotNull BatchRequest request) {
        return batches.importBatch(new BatchService.BatchHeader(request.number(), request.receivedOn(),
                request.deadlineWorkingDays(), request.note()), batches.readJson(request.cases()));
    }

    @POST
    @Path("/{number}/cases")
    @Consumes({Tables.CSV, Tables.XLSX})
    @BodyLimit("50M")
    @RolesAllowed({Roles.OFFICE, Roles.PROVINCE})
    @Operation(operationId = "uploadPetitionBatchCases", summary = "Upload a batch's cases as CSV or XLSX",
            description = "Header row in Chinese: 受理编号, 受理时间, 来源渠道, 重点件, 举报人, 联系电话, 身份证号, 地址, "
                    + "交办问题基本情况, 地点, 行政区域, 污染类型 (several separated by 、), 牵头单位, 配合单位. Codes may be "
                    + "given as codes or Chinese labels. Same per-row report and idempotency as the JSON post.")
    @APIResponse(responseCode = "200", description = "The per-row report")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    public BatchReport upload(@PathParam("number") int number,
                              @Parameter(description = "Date the batch was received (YYYY-MM-DD)", required = true)
                              @QueryParam("receivedOn") String receivedOn,
                              @Parameter(description = "Working days from assignment (default 15)")
                              @QueryParam("deadlineWorkingDays") String deadlineWorkingDays,
                              @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                              byte[] body) {
        LocalDate received = QueryParams.date("receivedOn", receivedOn);
        if (received == null) {
            throw new InvalidInputException("receivedOn", "is required");
        }
        if (number < 1) {
            throw new InvalidInputException("number", "must be positive");
        }
        Integer days = null;
        if (deadlineWorkingDays != null && !deadlineWorkingDays.isBlank()) {
            try {
                days = Integer.parseInt(deadlineWorkingDays.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("deadlineWorkingDays", "must be a whole number");
            }
        }
        List<com.fasterxml.jackson.databind.JsonNode> rows = contentType != null && contentType.startsWith(Tables.XLSX)
                ? Tables.readXlsx(body, mapper) : Tables.readCsv(body, mapper);
        return batches.importBatch(new BatchService.BatchHeader(number, received, days, null), batches.readJson(rows));
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.PROVINCE, Roles.LEADER})
    @Operation(operationId = "listPetitionBatches", summary = "List batches with their case counts")
    @APIResponse(responseCode = "200", description = "One page of batches")
    public Page<BatchSummary> list(@BeanParam PageParams paging) {
        Page<cn.hanzhong.rectification.petitions.domain.PetitionBatch> page = batches.list(paging.toRequest(SORTABLE));
        var counts = batches.caseCounts(page.items().stream().map(b -> b.number).toList());
        return page.map(b -> new BatchSummary(b.number, b.receivedOn, b.deadlineWorkingDays, b.note, counts.getOrDefault(b.number, 0L)));
    }
}
