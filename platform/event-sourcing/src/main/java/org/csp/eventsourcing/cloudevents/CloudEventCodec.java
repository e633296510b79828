package org.csp.eventsourcing.cloudevents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.csp.eventsourcing.StoredEvent;

/**
 * The one place where an event becomes a Kafka record and back: CloudEvents 1.0, Kafka protocol binding, binary
 * content mode. The record key is the stream id (a stream stays in one partition, in order), the value the JSON
 * payload, the attributes {@code ce_*} headers, plus our extensions {@code ce_partnership} and
 * {@code ce_streamversion}. Used by the relay, every consumer and the tests.
 */
public final class CloudEventCodec {

    /** A stream version as a header carries it: a positive whole number that fits a long. */
    private static final Pattern VERSION_DIGITS = Pattern.compile("[1-9][0-9]{0,17}");

    /** Strict: a duplicate key or trailing data makes a payload undecodable rather than silently half-read. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CloudEventCodec() {}

    /** The record the relay sends for a stored event. */
    public static ProducerRecord<String, byte[]> encode(String topic, String source, StoredEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers(source, event).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(
                topic, null, event.streamId(), event.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * The size of the record {@link #encode} makes of {@code event} when its data (payload) has {@code dataBytes}
     * bytes: key, data and the headers' names and values, in bytes (Kafka's own framing is not counted).
     */
    public static long encodedBytes(String source, StoredEvent event, long dataBytes) {
        long bytes = utf8(event.streamId()) + dataBytes;
        for (Map.Entry<String, String> header : headers(source, event).entrySet()) {
            bytes += utf8(header.getKey()) + utf8(header.getValue());
        }
        return bytes;
    }

    private static Map<String, String> headers(String source, StoredEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.ID, event.eventId().toString());
        headers.put(CloudEventHeaders.TYPE, event.type());
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.SUBJECT, event.streamId());
        headers.put(CloudEventHeaders.TIME, event.occurredAt().toInstant().toString());
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        headers.put(CloudEventHeaders.PARTNERSHIP, event.partnershipId());
        headers.put(CloudEventHeaders.STREAM_VERSION, Long.toString(event.version()));
        return headers;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Reads a record; anything that is not one of our CloudEvents is refused with the reason. */
    public static CloudEvent decode(ConsumerRecord<String, byte[]> record) throws UndecodableRecord {
        String specVersion = required(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new UndecodableRecord("unsupported CloudEvents specversion '" + specVersion + "'");
        }
        String contentType = optional(record, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CloudEventHeaders.JSON)) {
            throw new UndecodableRecord("content type '" + contentType + "' is not " + CloudEventHeaders.JSON);
        }
        String subject = required(record, CloudEventHeaders.SUBJECT);
        if (record.key() != null && !record.key().equals(subject)) {
            throw new UndecodableRecord("record key '" + record.key() + "' is not the subject '" + subject + "'");
        }
        long version;
        try {
            version = Long.parseLong(required(record, CloudEventHeaders.STREAM_VERSION));
        } catch (NumberFormatException e) {
            throw new UndecodableRecord("header " + CloudEventHeaders.STREAM_VERSION + " is not a whole number");
        }
        if (version < 1) {
            throw new UndecodableRecord("header " + CloudEventHeaders.STREAM_VERSION + " must be 1 or more");
        }
        Instant time;
        try {
            time = Instant.parse(required(record, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new UndecodableRecord("header " + CloudEventHeaders.TIME + " is not an RFC 3339 time");
        }
        if (record.value() == null) {
            throw new UndecodableRecord("the record has no value");
        }
        JsonNode data;
        try (JsonParser parser = JSON.createParser(record.value())) {
            data = JSON.readTree(parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UndecodableRecord("the value is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UndecodableRecord("the value is not valid JSON");
        }
        if (data == null || !data.isObject()) {
            throw new UndecodableRecord("the value is not a JSON object");
        }
        return new CloudEvent(
                required(record, CloudEventHeaders.ID),
                required(record, CloudEventHeaders.SOURCE),
                required(record, CloudEventHeaders.TYPE),
                subject,
                version,
                required(record, CloudEventHeaders.PARTNERSHIP),
                time,
                data);
    }

    /** The stream id and version of a record whose headers say so, even when the rest of it cannot be decoded. */
    public static StreamPosition streamPosition(ConsumerRecord<String, byte[]> record) {
        String source = optional(record, CloudEventHeaders.SOURCE);
        String subject = optional(record, CloudEventHeaders.SUBJECT);
        String version = optional(record, CloudEventHeaders.STREAM_VERSION);
        if (source == null
                || subject == null
                || version == null
                || !VERSION_DIGITS.matcher(version).matches()) {
            return null;
        }
        return new StreamPosition(source, subject, Long.parseLong(version));
    }

    /** Where a record stands in its stream: the stream is named by the producing service and the subject. */
    public record StreamPosition(String source, String subject, long version) {}

    private static String required(ConsumerRecord<String, byte[]> record, String name) throws UndecodableRecord {
        String value = optional(record, name);
        if (value == null || value.isBlank()) {
            throw new UndecodableRecord("header " + name + " is missing");
        }
        return value;
    }

    private static String optional(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
