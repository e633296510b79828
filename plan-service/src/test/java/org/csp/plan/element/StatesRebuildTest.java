package org.csp.plan.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.NewEvent;
import org.csp.eventsourcing.StreamAppend;
import org.csp.infrastructure.ServiceDatabase;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.plan.PlanKinds;
import org.csp.plan.initiative.Initiative;
import org.csp.plan.initiative.Initiatives;
import org.csp.testing.PinnedJson;
import org.junit.jupiter.api.Test;

/** plan_state is derived data: rebuilt from the event store it is the same, and events of a shipped older type read upcast. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class StatesRebuildTest {

    @Inject
    EventStore store;

    private static Map<String, String> planState() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = ServiceDatabase.connect();
                ResultSet r = c.createStatement()
                        .executeQuery("SELECT partnership_id, kind, id, version, state::text FROM plan_state")) {
            while (r.next()) {
                rows.put(
                        r.getString(1) + ":" + r.getString(2) + ":" + r.getString(3),
                        r.getLong(4) + " " + r.getString(5));
            }
        }
        return rows;
    }

    private static void forgetFormat() throws Exception {
        try (Connection c = ServiceDatabase.connect()) {
            c.createStatement().execute("DELETE FROM query_table_format WHERE name = 'plan_state'");
        }
    }

    @Test
    void aRebuildFromTheEventStoreGivesTheSameStatesAndReadsV1DefinitionsUpcast() throws Exception {
        // an initiative stored by the walking skeleton, in the v1 shape, that the plan_state table has never seen
        store.inTransaction(unit -> {
                    unit.append(new StreamAppend(
                            "legacy:initiative:L1-01",
                            "legacy",
                            0,
                            List.of(new NewEvent(
                                    "plan.initiative.defined.v1",
                                    PinnedJson.pinned("plan.initiative.defined.v1")
                                            .replace("P1-03", "L1-01"))),
                            Actor.SYSTEM));
                    return io.smallrye.mutiny.Uni.createFrom().voidItem();
                })
                .await()
                .atMost(Duration.ofSeconds(10));
        Map<String, String> before = planState();
        assertFalse(before.containsKey("legacy:initiative:L1-01"));

        forgetFormat();
        States.prepare(store, PlanKinds.ALL);

        Map<String, String> after = planState();
        String legacy = after.remove("legacy:initiative:L1-01");
        assertEquals(before, after, "every other state is rebuilt exactly as it was kept");
        assertTrue(legacy != null && legacy.startsWith("1 "), "the v1 stream is folded: " + legacy);
        Initiative initiative = States.find(store.pool(), "legacy", Initiatives.KIND, "L1-01", false)
                .await()
                .atMost(Duration.ofSeconds(10))
                .orElseThrow()
                .state();
        assertEquals(
                "stroud-district-council",
                initiative.definition().leadPartner(),
                "the v1 lead's name became its registry id");
        assertEquals(LocalDate.of(2026, 3, 31), initiative.definition().due());
        assertEquals(1, initiative.definition().priority());
    }
}
