package org.csp.engagement.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.csp.contracts.PlanEventTypes;
import org.csp.infrastructure.ServiceDatabase;
import org.csp.testing.Relayed;

/**
 * Stroud's organisation registry as plan-service publishes it on {@code plan.events}, for the tests of
 * engagement-service (which has no plan-service beside it): {@link #stroud()} publishes the organisations the tests
 * name, once per run, and waits until the {@code registry} projection holds them.
 */
public final class TestRegistry {

    /** Ids and names of the organisations the tests name. */
    public static final Map<String, String> STROUD = Map.of(
            "stroud-district-council", "Stroud District Council",
            "gloucestershire-constabulary", "Gloucestershire Police",
            "neighbourhood-watch", "Neighbourhood Watch",
            "victim-support", "Victim Support");

    private static boolean published;

    private TestRegistry() {}

    /** Stroud's registry, published and projected. */
    public static synchronized void stroud() throws Exception {
        if (!published) {
            for (Map.Entry<String, String> organisation : STROUD.entrySet()) {
                define(organisation.getKey(), organisation.getValue(), 1);
            }
            published = true;
        }
        for (Map.Entry<String, String> organisation : STROUD.entrySet()) {
            awaitName(organisation.getKey(), organisation.getValue());
        }
    }

    /** Publishes version {@code version} of an organisation's stream: defined (1) or amended (later) with this name. */
    public static void define(String id, String name, long version) throws Exception {
        String type = version == 1 ? PlanEventTypes.ORGANISATION_DEFINED_V1 : PlanEventTypes.ORGANISATION_AMENDED_V1;
        publish(id, version, type, """
                {"organisationId": "%s", "definition": {"name": "%s", "kind": "other"}}""".formatted(id, name));
    }

    /** Publishes an organisation's retirement as version {@code version} of its stream. */
    public static void retire(String id, long version) throws Exception {
        publish(id, version, PlanEventTypes.ORGANISATION_RETIRED_V1, """
                {"organisationId": "%s", "reason": "Left the partnership"}""".formatted(id));
    }

    private static void publish(String id, long version, String type, String payload) throws Exception {
        ProducerRecord<String, byte[]> record = Relayed.record(
                PlanEventTypes.TOPIC, "plan-service", "stroud:organisation:" + id, version, type, payload);
        Relayed.publish(record);
    }

    /** Waits (up to 60 s) until the registry holds the organisation at {@code version} or later. */
    public static void awaitVersion(String id, long version) throws Exception {
        await(id, "version >= " + version);
    }

    private static void awaitName(String id, String name) throws Exception {
        await(id, "name = '" + name.replace("'", "''") + "'");
    }

    private static void await(String id, String condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Connection db = ServiceDatabase.connect();
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM registered_organisation "
                        + "WHERE partnership_id = 'stroud' AND organisation_id = ? AND " + condition)) {
            query.setString(1, id);
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) == 1) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        assertTrue(false, "the registry projection did not apply " + id + " (" + condition + ") within 60 s");
    }
}
