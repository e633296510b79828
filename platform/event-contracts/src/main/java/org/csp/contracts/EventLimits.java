package org.csp.contracts;

/**
 * How large an event may be, for every producer and consumer, written once. Everything else is derived from
 * {@link #MAX_EVENT_BYTES}: the broker's {@code message.max.bytes} (the local broker of the tests and the launcher),
 * the topics' {@code max.message.bytes} and the relays' {@code max.request.size} are all {@link #MAX_RECORD_BYTES}.
 */
public final class EventLimits {

    /**
     * The largest event a service stores: its CloudEvent as the relay encodes it (record key, data as published and
     * {@code ce_*} headers), in bytes. A write whose event would be larger is refused (413) before anything is stored.
     */
    public static final int MAX_EVENT_BYTES = 256 * 1024;

    /**
     * What the broker, every topic and the relays' producers accept: four times an event, 1 MiB, Kafka's own default.
     * Four times, so that the limit an event is held to is the only one anyone meets: Kafka's record and batch framing
     * come on top of what the event store measures; events stored before the limit existed (up to about 1 MiB) still
     * go out; a consumer's default fetch of 1 MiB per partition holds any record; and a broker left at Kafka's defaults
     * agrees.
     */
    public static final int MAX_RECORD_BYTES = 4 * MAX_EVENT_BYTES;

    private EventLimits() {}
}
