package org.csp.eventsourcing.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.CloudEventCodec.StreamPosition;

/**
 * What one polled batch does, decided without Kafka or the database: from the records as read, the stored versions
 * of their streams and the unresolved gaps, which events to apply, which records to park, the stream versions to
 * store, the gaps found and filled, and the offsets to store.
 *
 * @param toApply  the events the projection applies, in topic order
 * @param parked   the records parked, with the reason
 * @param versions the new last applied version of every stream that moved
 * @param newGaps  streams whose next version has not arrived, found in this batch
 * @param resolved gaps filled by this batch: their partitions are read again from the gap
 * @param consumed per partition, the offset after the last record of the batch
 * @param offsets  per partition, the offset to store: where the batch got to, but never past a gap
 */
record BatchPlan(
        List<CloudEvent> toApply,
        List<Parking> parked,
        Map<StreamKey, Long> versions,
        Map<StreamKey, Gap> newGaps,
        Map<StreamKey, Gap> resolved,
        Map<TopicPartition, Long> consumed,
        Map<TopicPartition, Long> offsets) {

    /**
     * A record as read: where it is; its stream position when its headers give one; the event, or why it is not one
     * of our CloudEvents ({@code undecodable}); and its type and subject headers, to name a parked record.
     */
    record Incoming(
            TopicPartition partition,
            long offset,
            StreamPosition position,
            CloudEvent event,
            String undecodable,
            String typeHeader,
            String subjectHeader) {}

    /** A stream, named by the service that produces it and its id. */
    record StreamKey(String source, String subject) {}

    /** A stream's {@code found} version arrived at {@code partition}/{@code offset} while {@code expected} never did. */
    record Gap(long expected, long found, TopicPartition partition, long offset) {}

    /** The record at index {@code record} of the batch is parked. */
    record Parking(int record, String type, String subject, String reason) {}

    /**
     * The plan for {@code records}, given the last applied version of their streams ({@code stored}; a stream not in
     * it has none), the gaps known before this batch, the events found unprocessable by an earlier attempt (by event
     * id, with the reason), and the types the projection applies and ignores (any other type is parked).
     */
    static BatchPlan of(
            List<Incoming> records,
            Map<StreamKey, Long> stored,
            Map<StreamKey, Gap> knownGaps,
            Map<String, String> unprocessable,
            Set<String> applied,
            Set<String> ignored) {
        Map<StreamKey, Long> current = new HashMap<>(stored);
        Map<StreamKey, Long> versions = new LinkedHashMap<>();
        Map<StreamKey, Gap> newGaps = new LinkedHashMap<>();
        Map<StreamKey, Gap> resolved = new HashMap<>();
        Map<TopicPartition, Long> consumed = new HashMap<>();
        List<Parking> parked = new ArrayList<>();
        List<CloudEvent> toApply = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Incoming record = records.get(i);
            consumed.put(record.partition(), record.offset() + 1);
            StreamPosition position = record.position();
            if (position == null) {
                parked.add(new Parking(
                        i,
                        record.typeHeader(),
                        record.subjectHeader(),
                        record.undecodable() == null ? "no stream position" : record.undecodable()));
                continue;
            }
            StreamKey key = new StreamKey(position.source(), position.subject());
            long last = current.getOrDefault(key, 0L);
            if (position.version() <= last) {
                continue; // applied before: a record read again or published twice
            }
            if (position.version() > last + 1) {
                if (!knownGaps.containsKey(key) && !newGaps.containsKey(key)) {
                    newGaps.put(key, new Gap(last + 1, position.version(), record.partition(), record.offset()));
                }
                continue;
            }
            current.put(key, position.version());
            versions.put(key, position.version());
            Gap filled = knownGaps.containsKey(key) ? knownGaps.get(key) : newGaps.remove(key);
            if (filled != null) {
                resolved.put(key, filled); // the events passed over after it are read again
            }
            CloudEvent event = record.event();
            if (record.undecodable() != null) {
                parked.add(new Parking(i, record.typeHeader(), position.subject(), record.undecodable()));
            } else if (!applied.contains(event.type()) && !ignored.contains(event.type())) {
                parked.add(new Parking(
                        i,
                        event.type(),
                        event.subject(),
                        "unknown event type '" + event.type() + "' from " + event.source()));
            } else if (unprocessable.containsKey(event.id())) {
                parked.add(new Parking(
                        i,
                        event.type(),
                        event.subject(),
                        "its data cannot be applied: " + unprocessable.get(event.id())));
            } else if (applied.contains(event.type())) {
                toApply.add(event);
            }
        }
        return new BatchPlan(
                toApply,
                parked,
                versions,
                newGaps,
                resolved,
                consumed,
                offsetsToStore(consumed, knownGaps, newGaps, resolved));
    }

    /**
     * Where the batch got to, but never past a gap, open or filled by this batch (what was passed over after a
     * filled gap is read again next, and must be after a crash too).
     */
    private static Map<TopicPartition, Long> offsetsToStore(
            Map<TopicPartition, Long> consumed,
            Map<StreamKey, Gap> knownGaps,
            Map<StreamKey, Gap> newGaps,
            Map<StreamKey, Gap> resolved) {
        Map<TopicPartition, Long> offsets = new HashMap<>(consumed);
        List<Gap> open = new ArrayList<>(newGaps.values());
        open.addAll(knownGaps.values());
        open.addAll(resolved.values());
        for (Gap gap : open) {
            offsets.computeIfPresent(gap.partition(), (p, next) -> Math.min(next, gap.offset()));
        }
        return offsets;
    }
}
