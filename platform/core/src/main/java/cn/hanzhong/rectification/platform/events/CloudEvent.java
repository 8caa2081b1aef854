package cn.hanzhong.rectification.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: what every service publishes and consumes.
 *
 * @param specversion     always {@value #SPEC_VERSION}
 * @param id              unique per event; consumers de-duplicate by it
 * @param source          the producing service, e.g. {@code /issues-service}
 * @param type            e.g. {@code issue.status-changed}; also sent as the Kafka header {@code ce_type}
 * @param subject         the aggregate id; also the Kafka key, so one aggregate's events stay ordered
 * @param time            when the change happened, with offset
 * @param datacontenttype always {@code application/json}
 * @param data            the payload record of the producing service, as JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(String specversion, UUID id, String source, String type, String subject,
                         OffsetDateTime time, String datacontenttype, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }
}
