package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.service.CalendarService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The working-day calendar is public information: the same year without a token. */
@Path("/api/v1/public/calendar/{year}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public disclosure")
public class PublicCalendarResource {

    private final CalendarService calendar;

    public PublicCalendarResource(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    @Operation(operationId = "getPublicCalendarYear", summary = "A year's holidays and make-up working days (public)")
    @APIResponse(responseCode = "200", description = "The year")
    public CalendarService.CalendarYear get(@PathParam("year") int year) {
        return calendar.get(year);
    }
}
