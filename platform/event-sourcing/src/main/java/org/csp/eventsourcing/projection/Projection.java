package org.csp.eventsourcing.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.Set;
import org.csp.eventsourcing.cloudevents.CloudEvent;

/**
 * A read model fed from event topics by a {@link ProjectionRunner}: exactly once, in stream order, in batches.
 * Its tables live in a schema per generation; a rebuild fills a new generation while the live one keeps answering.
 */
public interface Projection {

    /** A lower-case name ({@code quarterly}): names its schemas ({@code quarterly_g1}, …), its lock and its status. */
    String name();

    /** Bump when the tables or the way events are applied change: a live generation of another version is rebuilt. */
    int version();

    List<String> topics();

    /** The read-model tables, unqualified; run idempotently inside a generation's schema. */
    String ddl();

    /** Event types this projection applies. */
    Set<String> appliedTypes();

    /**
     * Event types on its topics that are not relevant to this read model: consumed without effect. A type in
     * neither set is parked, never silently ignored.
     */
    Set<String> ignoredTypes();

    /**
     * Applies a batch (in topic order; each stream's events in version order, each exactly once) inside the
     * runner's transaction, with the generation's schema first on the search path. Aim for one statement per table
     * per batch. Throw {@link UnprocessableEvent} (before writing) for an event whose data cannot be applied: it is
     * parked and the batch applied without it.
     */
    Uni<Void> apply(SqlConnection tx, List<CloudEvent> events);
}
