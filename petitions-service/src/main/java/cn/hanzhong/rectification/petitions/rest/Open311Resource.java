package cn.hanzhong.rectification.petitions.rest;

import cn.hanzhong.rectification.petitions.domain.PollutionType;
import cn.hanzhong.rectification.petitions.service.Open311;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open311 GeoReport v2 (the open standard civic-issue apps and open-data portals speak), read-only, over
 * the published petitions; JSON and XML as the standard allows. No token: only what was published.
 */
@Path("/open311/v2")
@PermitAll
@Tag(name = "Open311", description = "Open311 GeoReport v2, read-only: published petitions as service requests")
public class Open311Resource {

    private static final String XML = "text/xml";

    private final Open311 open311;
    private final ObjectMapper json;

    public Open311Resource(Open311 open311, ObjectMapper json) {
        this.open311 = open311;
        this.json = json;
    }

    @Schema(name = "Open311Service")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ServiceDto(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
                             String description, boolean metadata, String type, String keywords, String group) {
    }

    @Schema(name = "Open311Request")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RequestDto(@JsonProperty("service_request_id") String serviceRequestId, String status,
                             @JsonProperty("status_notes") String statusNotes, @JsonProperty("service_name") String serviceName,
                             @JsonProperty("service_code") String serviceCode, String description,
                             @JsonProperty("agency_responsible") String agencyResponsible,
                             @JsonProperty("service_notice") String serviceNotice,
                             @JsonProperty("requested_datetime") OffsetDateTime requestedDatetime,
                             @JsonProperty("updated_datetime") OffsetDateTime updatedDatetime,
                             @JsonProperty("expected_datetime") OffsetDateTime expectedDatetime, String address,
                             @JsonProperty("address_id") String addressId, String zipcode, Double lat,
                             @JsonProperty("long") Double lon, @JsonProperty("media_url") String mediaUrl) {
    }

    @GET
    @Path("/services.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listOpen311Services", summary = "GeoReport v2 service list (JSON): the pollution types")
    @APIResponse(responseCode = "200", description = "The services",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceDto.class)))
    public List<ServiceDto> servicesJson() {
        return services();
    }

    @GET
    @Path("/services.xml")
    @Produces(XML)
    @Operation(operationId = "listOpen311ServicesXml", summary = "GeoReport v2 service list (XML)")
    @APIResponse(responseCode = "200", description = "The services",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    public Response servicesXml() {
        return xml("services", "service", services().stream().map(this::fields).toList());
    }

    @GET
    @Path("/requests.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listOpen311Requests", summary = "GeoReport v2 service requests (JSON): the published petitions",
            description = "Newest first, at most 1000; filters service_code (a pollution type), status (open, closed), start_date and "
                    + "end_date (W3C dates or datetimes, by the day received). Without dates: the last 90 days, as the spec advises.")
    @APIResponse(responseCode = "200", description = "The requests",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RequestDto.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<RequestDto> requestsJson(@Parameter(description = "A pollution type code", example = "DUST") @QueryParam("service_code") String serviceCode,
                                         @Parameter(description = "open or closed") @QueryParam("status") String status,
                                         @Parameter(description = "W3C date or datetime", example = "2021-09-01") @QueryParam("start_date") String start,
                                         @Parameter(description = "W3C date or datetime", example = "2021-12-31") @QueryParam("end_date") String end) {
        return requests(serviceCode, status, start, end);
    }

    @GET
    @Path("/requests.xml")
    @Produces(XML)
    @Operation(operationId = "listOpen311RequestsXml", summary = "GeoReport v2 service requests (XML)")
    @APIResponse(responseCode = "200", description = "The requests",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response requestsXml(@QueryParam("service_code") String serviceCode, @QueryParam("status") String status,
                                @QueryParam("start_date") String start, @QueryParam("end_date") String end) {
        return xml("service_requests", "request", requests(serviceCode, status, start, end).stream().map(this::fields).toList());
    }

    @GET
    @Path("/requests/{id}.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpen311Request", summary = "One GeoReport v2 service request (JSON), by 受理编号",
            description = "An array of one, as the spec has it.")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RequestDto.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<RequestDto> requestJson(@PathParam("id") String id) {
        return List.of(dto(open311.request(id)));
    }

    @GET
    @Path("/requests/{id}.xml")
    @Produces(XML)
    @Operation(operationId = "getOpen311RequestXml", summary = "One GeoReport v2 service request (XML)")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response requestXml(@PathParam("id") String id) {
        return xml("service_requests", "request", List.of(fields(dto(open311.request(id)))));
    }

    private List<ServiceDto> services() {
        return open311.services().stream().map(s -> new ServiceDto(s.serviceCode(), s.serviceName(), s.description(), s.metadata(),
                s.type(), s.keywords(), s.group())).toList();
    }

    private List<RequestDto> requests(String serviceCode, String status, String start, String end) {
        PollutionType type = QueryParams.oneEnum("service_code", serviceCode, PollutionType.class);
        String s = status == null || status.isBlank() ? null : status.strip().toLowerCase(java.util.Locale.ROOT);
        if (s != null && !s.equals("open") && !s.equals("closed")) {
            throw new InvalidInputException("status", "must be open or closed");
        }
        return open311.requests(type, s, w3c("start_date", start), w3c("end_date", end), Open311.MAX_REQUESTS).stream().map(Open311Resource::dto).toList();
    }

    private static LocalDate w3c(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return v.length() <= 10 ? LocalDate.parse(v) : OffsetDateTime.parse(v).atZoneSameInstant(
                    cn.hanzhong.rectification.platform.time.ProgrammeClock.ZONE).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a W3C date (2021-09-01) or datetime (2021-09-01T00:00:00+08:00)");
        }
    }

    private static RequestDto dto(Open311.Request r) {
        return new RequestDto(r.serviceRequestId(), r.status(), r.statusNotes(), r.serviceName(), r.serviceCode(), r.description(),
                r.agencyResponsible(), r.serviceNotice(), r.requestedDatetime(), r.updatedDatetime(), r.expectedDatetime(), r.address(),
                r.addressId(), r.zipcode(), r.lat(), r.lon(), r.mediaUrl());
    }

    /** The fields of a DTO under their GeoReport names, in the spec's order (the JSON shape, read back as a map). */
    private Map<String, Object> fields(Object dto) {
        return json.convertValue(dto, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static Response xml(String root, String element, List<Map<String, Object>> items) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(root);
            for (Map<String, Object> item : items) {
                w.writeStartElement(element);
                for (Map.Entry<String, Object> f : item.entrySet()) {
                    w.writeStartElement(f.getKey());
                    if (f.getValue() != null) {
                        Object v = f.getValue();
                        w.writeCharacters(v.toString());
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return Response.ok(out.toString(), XML + "; charset=UTF-8").build();
    }
}
