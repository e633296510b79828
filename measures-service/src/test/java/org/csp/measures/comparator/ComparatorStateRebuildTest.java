package org.csp.measures.comparator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.NewEvent;
import org.csp.eventsourcing.StreamAppend;
import org.csp.infrastructure.ServiceDatabase;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.measures.comparator.Comparators.ComparatorRow;
import org.csp.testing.Api;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/**
 * comparator_state of format 1 (before the partnership's figure, rank, size and source) is brought to format 2 at
 * start: its new columns added and every row refilled from the events, v1 comparators read upcast.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class ComparatorStateRebuildTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    EventStore store;

    @Inject
    Comparators comparators;

    private ComparatorRow row(String period) {
        return comparators.list("stroud", "RECORDED-CRIME").await().atMost(WAIT).stream()
                .filter(r -> r.period().equals(period))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no comparator for " + period));
    }

    @Test
    void aFormatOneTableIsWidenedAndRefilledWithV1ComparatorsUpcast() throws Exception {
        // a comparator stored before issue 17, in the v1 shape, that the table has never seen
        store.inTransaction(unit -> {
                    unit.append(new StreamAppend(
                            "stroud:comparator:RECORDED-CRIME:E07000082:2014-08",
                            "stroud",
                            0,
                            List.of(new NewEvent(
                                    "measures.comparator.recorded.v1",
                                    PinnedJson.pinned("measures.comparator.recorded.v1")
                                            .replace("2024-08", "2014-08"))),
                            Actor.SYSTEM));
                    return Uni.createFrom().voidItem();
                })
                .await()
                .atMost(WAIT);
        Api.post(
                        Tokens.user("coordinator"),
                        "/api/indicators/RECORDED-CRIME/comparators",
                        "{\"period\":\"2014-09\",\"value\":5.2,\"average\":4.6,\"lower\":3.9,\"upper\":5.3,\"rank\":9}")
                .statusCode(201);
        try (Connection c = ServiceDatabase.connect()) {
            c.createStatement().execute("""
                    ALTER TABLE comparator_state DROP COLUMN value, DROP COLUMN rank, DROP COLUMN group_size,
                        DROP COLUMN source, DROP COLUMN last_day;
                    UPDATE query_table_format SET format = 1 WHERE name = 'comparator_state'""");
        }

        comparators.onReady(null);

        ComparatorRow v1 = row("2014-08");
        assertEquals(new BigDecimal("610.5"), v1.average());
        assertNull(v1.value());
        assertNull(v1.rank());
        assertNull(v1.source());
        ComparatorRow v2 = row("2014-09");
        assertEquals(new BigDecimal("5.2"), v2.value());
        assertEquals(9, v2.rank());
        assertEquals(
                List.of("2014-09", "2014-08"),
                comparators
                        .within("stroud", "E07000082", LocalDate.of(2014, 7, 1), LocalDate.of(2014, 9, 30))
                        .await()
                        .atMost(WAIT)
                        .stream()
                        .filter(r -> r.indicatorCode().equals("RECORDED-CRIME"))
                        .map(ComparatorRow::period)
                        .toList(),
                "the periods' last days are filled in, latest first");
    }
}
