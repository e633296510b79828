package org.csp.eventsourcing.cloudevents;

/**
 * Kafka record headers of the CloudEvents 1.0 Kafka protocol binding, binary content mode: the record value is
 * the event payload (JSON), the attributes travel as {@code ce_*} headers. The record key is the stream id.
 * {@code partnership} and {@code streamversion} are this platform's extension attributes.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String PARTNERSHIP = "ce_partnership";
    public static final String STREAM_VERSION = "ce_streamversion";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}
}
