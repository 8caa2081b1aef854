package cn.hanzhong.rectification.platform.support;

import cn.hanzhong.rectification.platform.errors.ConflictException;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** A minimal service that writes state and publishes through the outbox, as real services do. */
@Path("/test/things")
public class ThingResource {

    public static final String TOPIC = "platform-test.things";

    public record NewThing(@NotBlank String name) {
    }

    public record ThingCreated(long id, String name) {
    }

    @ApplicationScoped
    public static class ThingService {
        private final EntityManager em;
        private final Outbox outbox;

        public ThingService(EntityManager em, Outbox outbox) {
            this.em = em;
            this.outbox = outbox;
        }

        @Transactional
        public long create(String name) {
            long id = ((Number) em.createNativeQuery("insert into test_thing (name) values (:n) returning id")
                    .setParameter("n", name).getSingleResult()).longValue();
            outbox.publish(TOPIC, "thing.created", Long.toString(id), new ThingCreated(id, name));
            if (name.startsWith("reject")) {
                // A rule that fails after publishing: the state change and the event must both vanish.
                throw new ConflictException("Things named reject* are refused");
            }
            return id;
        }
    }

    private final ThingService service;

    public ThingResource(ThingService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.OFFICE)
    public Response create(@Valid NewThing body) {
        long id = service.create(body.name());
        return Response.created(URI.create("/test/things/" + id)).entity(new ThingCreated(id, body.name())).build();
    }
}
