package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.notification.service.MonthlyDispatch;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The monthly dispatch list (按月调度) for the office's meeting. */
@Path("/api/v1/monthly-dispatch")
@RolesAllowed({Roles.OFFICE, Roles.LEADER})
@Tag(name = "Monthly dispatch", description = "Who has and has not reported progress for the month (按月调度)")
public class MonthlyDispatchResource {

    private static final String[] HEADERS = {"牵头单位", "问题编号", "问题", "当前状态", "本月已报送", "报送时间"};

    private final MonthlyDispatch dispatch;

    public MonthlyDispatchResource(MonthlyDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @GET
    @Path("/{period}")
    @Produces({MediaType.APPLICATION_JSON, Spreadsheets.XLSX})
    @Operation(operationId = "getMonthlyDispatch", summary = "The monthly dispatch list", description = "For the month YYYY-MM: each lead unit with its issues under "
            + "rectification and whether it reported progress for that month (units with missing reports first). JSON, or "
            + "XLSX with format=xlsx or Accept. Office and leaders.")
    @APIResponse(responseCode = "200", description = "The list", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyDispatch.DispatchList.class)),
            @Content(mediaType = Spreadsheets.XLSX)})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@Parameter(description = "The month", example = "2026-11") @PathParam("period") String period,
                         @Parameter(description = "json (default) or xlsx") @QueryParam("format") String format,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        YearMonth month = QueryParams.month("period", period);
        if (month == null) {
            throw new InvalidInputException("period", "must be a month as YYYY-MM");
        }
        boolean xlsx = "xlsx".equalsIgnoreCase(format) || format == null && accept != null && accept.contains(Spreadsheets.XLSX);
        if (format != null && !xlsx && !"json".equalsIgnoreCase(format)) {
            throw new InvalidInputException("format", "must be json or xlsx");
        }
        MonthlyDispatch.DispatchList list = dispatch.of(month);
        if (!xlsx) {
            return Response.ok(list, MediaType.APPLICATION_JSON).build();
        }
        List<Object[]> rows = new ArrayList<>();
        for (MonthlyDispatch.UnitLines u : list.units()) {
            for (MonthlyDispatch.Line l : u.issues()) {
                rows.add(new Object[] {u.leadUnit(), l.code(), l.title(), l.status(), l.reported(),
                        l.reportedAt() == null ? null : l.reportedAt().toLocalDate().toString()});
            }
        }
        return Response.ok(Spreadsheets.xlsx(month + " 按月调度", HEADERS, rows), Spreadsheets.XLSX)
                .header("Content-Disposition", "attachment; filename=\"monthly-dispatch-" + month + ".xlsx\"").build();
    }
}
