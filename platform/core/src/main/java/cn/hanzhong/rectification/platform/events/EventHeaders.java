package cn.hanzhong.rectification.platform.events;

/** Kafka header names used next to the structured CloudEvents body. */
public final class EventHeaders {

    /** The event type, so consumers and tools can filter without parsing the body. */
    public static final String TYPE = "ce_type";
    /** The event id. */
    public static final String ID = "ce_id";
    /** {@value #CLOUDEVENTS_JSON}, per the CloudEvents Kafka binding (structured mode). */
    public static final String CONTENT_TYPE = "content-type";
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json; charset=UTF-8";

    private EventHeaders() {
    }
}
