package org.csp.eventsourcing;

import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction of a service: reads and query-table writes go through {@link #connection()} as the work runs;
 * appends are only staged, and {@link EventStore#inTransaction} writes all of them in one statement at the very end,
 * so the append lock is held for that insert and the commit alone.
 */
public final class UnitOfWork {

    private final SqlConnection connection;
    private final OffsetDateTime now;
    private final Map<String, StreamAppend> staged = new LinkedHashMap<>();

    UnitOfWork(SqlConnection connection, OffsetDateTime now) {
        this.connection = connection;
        this.now = now;
    }

    /** The transaction's connection, for reads and query-table writes. */
    public SqlConnection connection() {
        return connection;
    }

    /** When the events of this unit occurred: one instant for all of them, known before they are written. */
    public OffsetDateTime now() {
        return now;
    }

    /**
     * Stages events for one stream. A second append to the same stream in the same unit must continue where the
     * first left off; the two are written as one.
     */
    public void append(StreamAppend append) {
        StreamAppend earlier = staged.get(append.streamId());
        if (earlier == null) {
            staged.put(append.streamId(), append);
            return;
        }
        long end = earlier.expectedVersion() + earlier.events().size();
        if (append.expectedVersion() != end) {
            throw new ConcurrencyConflict(
                    append.streamId(), append.expectedVersion(), end, append.preconditionFromClient());
        }
        List<NewEvent> events = new ArrayList<>(earlier.events());
        events.addAll(append.events());
        staged.put(
                append.streamId(),
                new StreamAppend(
                        earlier.streamId(),
                        earlier.partnershipId(),
                        earlier.expectedVersion(),
                        events,
                        earlier.actor(),
                        earlier.preconditionFromClient() || append.preconditionFromClient()));
    }

    /** Events staged for a stream and not yet written (empty when none). */
    public List<NewEvent> staged(String streamId) {
        StreamAppend append = staged.get(streamId);
        return append == null ? List.of() : append.events();
    }

    List<StreamAppend> appends() {
        return List.copyOf(staged.values());
    }
}
