package cn.hanzhong.rectification.platform.events;

import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Writes and reads {@link CloudEvent}s as JSON with the application's {@link ObjectMapper}, so
 * payload records serialise exactly as they do on the REST API (ISO-8601 dates, enum codes).
 */
@ApplicationScoped
public class CloudEventCodec {

    private final ObjectMapper mapper;
    private final ProgrammeClock clock;

    public CloudEventCodec(ObjectMapper mapper, ProgrammeClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Wraps a payload record in a new envelope with a fresh id and the current time (programme zone). */
    public CloudEvent wrap(String source, String type, String subject, Object payload) {
        JsonNode data = mapper.valueToTree(payload);
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), source, type, subject,
                clock.now(), CloudEvent.JSON, data);
    }

    public String encode(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.id() + " cannot be written as JSON", e);
        }
    }

    /**
     * Reads an envelope.
     *
     * @throws MalformedEventException when the text is not a CloudEvents 1.0 JSON envelope; consumers
     *                                 let it escape so the message goes to the dead-letter topic
     */
    public CloudEvent decode(String json) {
        try {
            CloudEvent event = mapper.readValue(json, CloudEvent.class);
            if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
                throw new MalformedEventException("Unsupported specversion " + event.specversion());
            }
            return event;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("Not a CloudEvents 1.0 JSON envelope: " + e.getMessage(), e);
        }
    }

    /** Reads the payload as the consumer's own tolerant copy of the producer's record. */
    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Event " + event.id() + " has data that is not a " + type.getSimpleName(), e);
        }
    }
}
