package org.csp.gateway.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.List;

/**
 * A read model fed by the projection: applies one event inside the projection's transaction.
 * Implementations are CDI beans; the projection hands each event to every projector.
 */
public interface Projector {

    /** Tables of the read model, created idempotently at start-up. */
    String ddl();

    /** Tables emptied before a rebuild from the beginning of the topics. */
    List<String> tables();

    Uni<Void> apply(SqlConnection tx, ProjectedEvent event);
}
