package cn.hanzhong.rectification.platform.consumer;

import cn.hanzhong.rectification.platform.security.Roles;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators re-drive dead letters once their cause is fixed (services that consume events only). */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICE)
@EndpointDisabled(name = "platform.consumer.dead-letter-api", stringValue = "false", disableIfMissing = true)
@Tag(name = "Operations", description = "Dead-letter re-drive (运维)")
public class DeadLetterResource {

    private final Redrive redrive;

    public DeadLetterResource(Redrive redrive) {
        this.redrive = redrive;
    }

    @POST
    @Path("/redrive")
    @Blocking
    @Operation(operationId = "redriveDeadLetters", summary = "Re-drive this service's dead letters",
            description = "Reads each <topic>.dlq from where the last re-drive stopped to its end and applies the records this "
                    + "service's consumer group put there, through the same path as live events: an event applied before is a "
                    + "duplicate and changes nothing; a record that still cannot be applied is dead-lettered again. Office only.")
    @APIResponse(responseCode = "200", description = "What the re-drive did")
    @APIResponse(responseCode = "503", description = "A transient failure (database or broker away) stopped it; run it again")
    public Redrive.Result redrive() {
        return redrive.run();
    }
}
