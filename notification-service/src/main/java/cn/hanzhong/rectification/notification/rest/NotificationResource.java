package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.rest.dto.NotificationResponse;
import cn.hanzhong.rectification.notification.service.NoticeInbox;
import cn.hanzhong.rectification.notification.service.NoticeStreams;
import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import cn.hanzhong.rectification.platform.security.CurrentUser;
import cn.hanzhong.rectification.platform.security.Roles;
import cn.hanzhong.rectification.platform.vocabulary.Vocabulary;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The caller's notices: inbox, read marks and a live stream (server-sent events). */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICE, Roles.UNIT, Roles.DISCIPLINE, Roles.LEADER})
@Tag(name = "Notifications", description = "Deadline reminders, overdue alerts and status notices (预警与通知)")
public class NotificationResource {

    private static final SortableFields SORTABLE = SortableFields.of("createdAt", "id", "id", "id")
            .defaultSort("createdAt", false, "id");

    private final NoticeInbox inbox;
    private final NoticeStreams streams;
    private final CurrentUser user;

    public NotificationResource(NoticeInbox inbox, NoticeStreams streams, CurrentUser user) {
        this.inbox = inbox;
        this.streams = streams;
        this.user = user;
    }

    @GET
    @Operation(operationId = "listNotifications", summary = "The caller's inbox", description = "A unit user sees its unit's notices; office, discipline and "
            + "leaders the notices for their role. Newest first. Read marks are the caller's own.")
    @APIResponse(responseCode = "200", description = "One page of notices")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<NotificationResponse> list(@Parameter(description = "true: unread only") @QueryParam("unread") String unread,
                                           @Parameter(description = "Notice kinds") @QueryParam("kind") List<String> kind,
                                           @Parameter(description = "Issue, petition or case id") @QueryParam("item") String item,
                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                           @BeanParam PageParams paging) {
        UUID itemId = QueryParams.uuid("item", item);
        return inbox.list(QueryParams.bool("unread", unread), QueryParams.enums("kind", kind, NoticeKind.class), itemId,
                QueryParams.date("from", from), QueryParams.date("to", to), paging.toRequest(SORTABLE))
                .map(seen -> NotificationResponse.of(seen.notice(), seen.read()));
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "countUnreadNotifications", summary = "How many notices the caller has not read")
    @APIResponse(responseCode = "200", description = "The count")
    public Map<String, Long> unreadCount() {
        return Map.of("unread", inbox.unreadCount());
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark a notice read")
    @APIResponse(responseCode = "200", description = "The notice")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public NotificationResponse read(@PathParam("id") long id) {
        var seen = inbox.markRead(id);
        return NotificationResponse.of(seen.notice(), seen.read());
    }

    @POST
    @Path("/read-all")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark every notice read (for the caller)")
    @APIResponse(responseCode = "200", description = "How many were unread")
    public Map<String, Long> readAll() {
        return Map.of("marked", inbox.markAllRead());
    }

    @GET
    @Path("/vocabularies")
    @Operation(operationId = "listNotificationVocabularies", summary = "Notice kinds with Chinese labels")
    @APIResponse(responseCode = "200", description = "Lists by name")
    public Map<String, List<Vocabulary.Entry>> vocabularies() {
        return Vocabulary.of(Map.entry("kind", Vocabulary.of(NoticeKind.class)));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "streamNotifications", summary = "Live stream of the caller's notices (server-sent events)",
            description = "Each event's id is the notice id, its name the notice code (ASSIGNED, REMINDER_3, …) and its data the notice as JSON. Reconnect with "
                    + "Last-Event-ID to resume without gap or duplicate. A heartbeat comment every 15 s. At most 5 streams per "
                    + "person (configurable) and a cap per instance: above them 429 with Retry-After. When the token expires the "
                    + "stream ends with an event named token-expired.")
    @APIResponse(responseCode = "200", description = "The stream: events named by the notice code, data the notice as JSON",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "429", description = "Too many open streams; try again after Retry-After seconds")
    public void stream(@Context SseEventSink sink, @Context Sse sse,
                       @Parameter(description = "The last notice id received") @HeaderParam("Last-Event-ID") String lastEventId) {
        long after;
        try {
            after = lastEventId == null || lastEventId.isBlank() ? -1 : Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Last-Event-ID", "must be a notice id");
        }
        List<String> recipients = inbox.recipients();
        // Without Last-Event-ID the stream starts with what arrives from now on.
        long from = after >= 0 ? after : inbox.latestId(recipients);
        streams.open(user.subject(), recipients, from, new SseSink(sink, sse), user.expiresAt().orElse(null));
        // The request thread returns now: the stream is fed by the notice streams, no thread waits on it.
    }
}
