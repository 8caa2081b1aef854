package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.notification.domain.NoticeKind;
import cn.hanzhong.rectification.notification.domain.Visibility;
import cn.hanzhong.rectification.notification.domain.WebhookDelivery;
import cn.hanzhong.rectification.notification.domain.WebhookSubscription;
import cn.hanzhong.rectification.notification.rest.dto.DeliveryResponse;
import cn.hanzhong.rectification.notification.rest.dto.SubscriptionRequest;
import cn.hanzhong.rectification.notification.rest.dto.SubscriptionResponse;
import cn.hanzhong.rectification.notification.service.Webhooks;
import cn.hanzhong.rectification.platform.paging.Page;
import cn.hanzhong.rectification.platform.paging.PageParams;
import cn.hanzhong.rectification.platform.paging.SortableFields;
import cn.hanzhong.rectification.platform.rest.QueryParams;
import cn.hanzhong.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions: each belongs to its creator and receives only what the creator's role and
 * unit may read ({@link Visibility}); deliveries are
 * signed per Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature} = v1,HMAC-SHA256).
 */
@Path("/api/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICE, Roles.PROVINCE, Roles.UNIT, Roles.DISCIPLINE, Roles.LEADER})
@Tag(name = "Webhooks", description = "Signed push of notices to the provincial system and others")
public class WebhookResource {

    private static final SortableFields SORTABLE = SortableFields.of("createdAt", "createdAt").defaultSort("createdAt", false, "id");

    private final Webhooks webhooks;

    public WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a receiver", description = "https only (plain http only for configured hosts); loopback, "
            + "private, link-local and metadata addresses are refused, now and before each send. The secret is shown once. "
            + "What it receives follows the creator: office everything; province notices about issues and petitions; a unit "
            + "the notices addressed to it; discipline notices about accountability cases; a leader everything once the "
            + "office approves the subscription. Only the office's deliveries carry free-text reasons and recipients.")
    @APIResponse(responseCode = "201", description = "Subscribed; the body carries the secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @cn.hanzhong.rectification.platform.rest.NotReplayable // the response carries the signing secret, shown once
    public Response subscribe(@Valid @NotNull SubscriptionRequest request, @Context UriInfo uri) {
        var created = webhooks.subscribe(request.targetUrl(), QueryParams.enums("kinds", request.kinds(), NoticeKind.class));
        return Response.created(uri.getAbsolutePathBuilder().path(created.subscription().id.toString()).build())
                .entity(SubscriptionResponse.of(created.subscription(), created.secret())).build();
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "List subscriptions", description = "The office sees all; everyone else their own.")
    @APIResponse(responseCode = "200", description = "One page")
    public Page<SubscriptionResponse> list(@BeanParam PageParams paging) {
        return webhooks.list(paging.toRequest(SORTABLE)).map(s -> SubscriptionResponse.of(s, null));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "Read a subscription")
    @APIResponse(responseCode = "200", description = "The subscription (without its secret)")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubscriptionResponse get(@PathParam("id") UUID id) {
        return SubscriptionResponse.of(webhooks.get(id), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deactivateWebhookSubscription", summary = "Deactivate a subscription")
    @APIResponse(responseCode = "200", description = "Deactivated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubscriptionResponse deactivate(@PathParam("id") UUID id) {
        return SubscriptionResponse.of(webhooks.deactivate(id), null);
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Roles.OFFICE)
    @Operation(operationId = "approveWebhookSubscription", summary = "Approve a leader's subscription (office)", description = "A leader's subscription receives nothing "
            + "until the office approves it.")
    @APIResponse(responseCode = "200", description = "Approved")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SubscriptionResponse approve(@PathParam("id") UUID id) {
        return SubscriptionResponse.of(webhooks.approve(id), null);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log", description = "Newest first: status, attempts, last HTTP status or error.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<DeliveryResponse> deliveries(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return webhooks.deliveries(id, paging.toRequest(SORTABLE)).map(DeliveryResponse::of);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redelivery")
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again", description = "Same webhook-id, a fresh retry window.")
    @APIResponse(responseCode = "200", description = "Queued")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public DeliveryResponse redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryResponse.of(webhooks.redeliver(id, deliveryId));
    }
}
