package org.csp.gateway.quarterly;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/** Drops the quarterly view's tables from before generations (one set in {@code public}): nothing reads them any more. */
@ApplicationScoped
class LegacyTables {

    private static final String TABLES = "projection_offset, projection_stream, view_initiative, "
            + "view_initiative_progress, view_indicator, view_measure, view_engagement";

    private final Pool pool;

    LegacyTables(Pool pool) {
        this.pool = pool;
    }

    void onStart(@Observes StartupEvent event) {
        pool.query("DROP TABLE IF EXISTS " + TABLES).execute().await().atMost(Duration.ofMinutes(1));
    }
}
