package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.rest.dto.CalendarRequest;
import cn.hanzhong.rectification.issues.service.CalendarService;
import cn.hanzhong.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The working-day calendar deadlines are counted with (PRC statutory holidays and 调休). */
@Path("/api/v1/calendar/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "The working-day calendar: each year's holidays and make-up working days")
public class CalendarResource {

    private final CalendarService calendar;

    public CalendarResource(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.LEADER, Roles.PROVINCE, Roles.DISCIPLINE})
    @Operation(operationId = "getCalendarYear", summary = "A year's holidays and make-up working days",
            description = "published=false: no notice loaded for the year; weekends only, and deadlines counted "
                    + "through it are provisional. Also without a token at /api/v1/public/calendar/{year}.")
    @APIResponse(responseCode = "200", description = "The year")
    public CalendarService.CalendarYear get(@PathParam("year") int year) {
        return calendar.get(year);
    }

    @PUT
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "putCalendarYear", summary = "Load a year's holiday notice (office)",
            description = "Validated: every date within the year, no day both a holiday and a make-up working day, a "
                    + "make-up day is a Saturday or Sunday. Replaces the year (the bundled data too). Every open issue "
                    + "whose working-day deadline was provisional across the year is recounted: a moved deadline is "
                    + "recorded ('calendar YYYY published') and published as issue.deadline-changed; the notice is "
                    + "published as calendar.updated for the other services. The same notice again changes nothing.")
    @APIResponse(responseCode = "200", description = "Loaded (changed=false when the same notice was already in force)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public CalendarService.Loaded put(@PathParam("year") int year, @Valid @NotNull CalendarRequest request) {
        return calendar.load(year, request.holidays(), request.makeUpWorkdays(), request.source());
    }
}
