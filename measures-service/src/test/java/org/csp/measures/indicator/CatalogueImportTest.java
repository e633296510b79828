package org.csp.measures.indicator;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.ConcurrencyConflict;
import org.csp.eventsourcing.EventStore;
import org.csp.infrastructure.ServiceDatabase;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.measures.Db;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * A partnership's coordinator imports its own catalogue file: a revision and exactly the differences, nothing for the
 * same file again, everything refused and nothing stored for a bad file or another partnership's. Events are counted
 * by type in the store, after the position the test started at.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class CatalogueImportTest {

    private static final String IMPORT = "/api/indicators/import";

    @Inject
    EventStore store;

    @Inject
    Indicators indicators;

    private static final String COTSWOLD = Tokens.user("cotswold-coordinator");

    private static final String INDICATOR = """
            {"code":"%s","title":"%s","priority":1,"unit":"count","frequency":"monthly",
             "polarity":"lower-is-better","sources":["%s"]}""";

    private static final String FILE = """
            {"format":"csp-indicators/2","source":"Cotswold test plan","partnership":"%s",
             "notes":["Every indicator is a monthly count."],
             "organisations":[{"id":"%s","name":"Cotswold test council"}],
             "indicators":[%s]}""";

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    private static String indicator(String code, String title, String source) {
        return INDICATOR.formatted(code, title, source);
    }

    private static String file(String partnership, String organisation, String... indicators) {
        return FILE.formatted(partnership, organisation, String.join(",", indicators));
    }

    private static long lastPosition() {
        return Db.number("SELECT coalesce(max(position), 0) FROM events").longValue();
    }

    /** The types of the events stored after {@code position}, in the order they were written. */
    private static List<String> typesAfter(long position) {
        List<String> types = new ArrayList<>();
        try (var c = ServiceDatabase.connect();
                var statement = c.prepareStatement("SELECT type FROM events WHERE position > ? ORDER BY position")) {
            statement.setLong(1, position);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    /** The events stored after {@code position}, counted by type. */
    private static Map<String, Long> eventsAfter(long position) {
        Map<String, Long> counts = new TreeMap<>();
        typesAfter(position).forEach(type -> counts.merge(type, 1L, Long::sum));
        return counts;
    }

    @Test
    void aFileDefinesThenAmendsExactlyItsDifferencesAsRevisionsAndTheSameFileRecordsNothing() {
        String s = suffix();
        String council = "cotswold-test-council-" + s;
        String a = "CT-" + s.toUpperCase(Locale.ROOT) + "-A";
        String b = "CT-" + s.toUpperCase(Locale.ROOT) + "-B";
        String first = file(
                "cotswold",
                council,
                indicator(a, "Test incidents", council),
                indicator(b, "Test crimes", "gloucestershire-constabulary"));

        long start = lastPosition();
        int revision = Api.post(COTSWOLD, IMPORT, first)
                .statusCode(200)
                .body("changed", equalTo(true))
                .body("defined", equalTo(List.of(a, b)))
                .body("amended", equalTo(List.of()))
                .body("organisations", equalTo(List.of(council)))
                .extract()
                .path("revision");
        assertEquals(
                Map.of("measures.catalogue.revised.v1", 1L, "measures.indicator.defined.v3", 2L), eventsAfter(start));
        assertEquals(
                "measures.catalogue.revised.v1",
                typesAfter(start).getFirst(),
                "the revision is written first, the indicators' events after it");
        Api.get(COTSWOLD, "/api/indicators")
                .statusCode(200)
                .body("code", hasItems(a, b, "RECORDED-CRIME"))
                .body("find { it.code == '" + a + "' }.sources", equalTo(List.of(council)));

        long again = lastPosition();
        Api.post(COTSWOLD, IMPORT, first)
                .statusCode(200)
                .body("changed", equalTo(false))
                .body("revision", equalTo(revision))
                .body("defined", equalTo(List.of()))
                .body("amended", equalTo(List.of()));
        assertEquals(Map.of(), eventsAfter(again), "the same file records nothing");

        long changed = lastPosition();
        Api.post(
                        COTSWOLD,
                        IMPORT,
                        file(
                                "cotswold",
                                council,
                                indicator(a, "Test incidents, renamed", council),
                                indicator(b, "Test crimes", "gloucestershire-constabulary")))
                .statusCode(200)
                .body("changed", equalTo(true))
                .body("revision", equalTo(revision + 1))
                .body("defined", equalTo(List.of()))
                .body("amended", equalTo(List.of(a)))
                .body("organisations", equalTo(List.of()));
        assertEquals(
                Map.of("measures.catalogue.revised.v1", 1L, "measures.indicator.amended.v2", 1L), eventsAfter(changed));
        Api.get(COTSWOLD, "/api/indicators/" + a).statusCode(200).body("title", equalTo("Test incidents, renamed"));
        Api.get(COTSWOLD, "/api/indicators/" + b).statusCode(200).body("public", equalTo(false));

        // a file that only marks an indicator public is a revision too: the public figures change with it
        long madePublic = lastPosition();
        Api.post(
                        COTSWOLD,
                        IMPORT,
                        file(
                                "cotswold",
                                council,
                                indicator(a, "Test incidents, renamed", council),
                                indicator(b, "Test crimes", "gloucestershire-constabulary")
                                        .replace("}", ",\"public\":true}")))
                .statusCode(200)
                .body("changed", equalTo(true))
                .body("revision", equalTo(revision + 2))
                .body("amended", equalTo(List.of(b)));
        assertEquals(
                Map.of("measures.catalogue.revised.v1", 1L, "measures.indicator.amended.v2", 1L),
                eventsAfter(madePublic));
        Api.get(COTSWOLD, "/api/indicators/" + b).statusCode(200).body("public", equalTo(true));

        Api.get(COTSWOLD, "/api/indicators/revisions")
                .statusCode(200)
                .body("find { it.revision == " + revision + " }.indicatorsDefined", equalTo(2))
                .body("find { it.revision == " + revision + " }.organisations", equalTo(List.of(council)))
                .body("find { it.revision == " + (revision + 1) + " }.indicatorsAmended", equalTo(1))
                .body("find { it.revision == " + (revision + 1) + " }.source", equalTo("Cotswold test plan"))
                .body("find { it.revision == " + (revision + 1) + " }.subject", notNullValue());
        Api.get(Tokens.user("viewer"), "/api/indicators/revisions")
                .statusCode(200)
                .body("source", not(hasItem("Cotswold test plan")));

        // the organisation the file made known stays known to the coordinator's amendments
        String etag = Api.get(COTSWOLD, "/api/indicators/" + a).extract().header("ETag");
        Api.mergePatch(COTSWOLD, "/api/indicators/" + a, "{\"tolerance\":10}", etag)
                .statusCode(200)
                .body("sources", equalTo(List.of(council)));
    }

    @Test
    void aBadFileIsOne422ListingEveryProblemWithItsPlaceAndStoresNothing() {
        String s = suffix();
        String code = "CT-" + s.toUpperCase(Locale.ROOT);
        String bad = file(
                        "cotswold",
                        "Not An Id",
                        indicator(code + "-A", "Fine", "gloucestershire-constabulary"),
                        indicator(code + "-B", "Bad unit", "gloucestershire-constabulary")
                                .replace("\"count\"", "\"litres\""),
                        indicator(code + "-C", "Unknown source", "nobody-we-know"),
                        indicator(code + "-A", "Twice", "gloucestershire-constabulary"))
                .replace("csp-indicators/2", "csp-indicators/1");
        long start = lastPosition();
        Api.post(COTSWOLD, IMPORT, bad)
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItems(
                                "format",
                                "organisations[0].id",
                                "indicators[1].unit",
                                "indicators[2].sources[0]",
                                "indicators[3].code"))
                .body(
                        "errors.find { it.field == 'indicators[2].sources[0]' }.message",
                        containsString("nobody-we-know"));
        assertEquals(Map.of(), eventsAfter(start), "nothing of a bad file is stored");
        Api.get(COTSWOLD, "/api/indicators/" + code + "-A").statusCode(404);

        String every = file("cotswold", "cotswold-council", indicator(code, "Core", "gloucestershire-constabulary"))
                .replace("\"partnership\":\"cotswold\"", "\"everyPartnership\":true");
        Api.post(COTSWOLD, IMPORT, every)
                .statusCode(422)
                .body("errors.field", hasItems("everyPartnership", "partnership"));
        assertEquals(Map.of(), eventsAfter(start));
    }

    @Test
    void anotherPartnershipsFileIsRefusedAndOnlyTheCoordinatorImports() {
        String code = "CT-" + suffix().toUpperCase(Locale.ROOT);
        String stroudFile = file("stroud", "stroud-test-council", indicator(code, "Theirs", "stroud-test-council"));
        long start = lastPosition();
        Api.post(COTSWOLD, IMPORT, stroudFile)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:csp:problem:other-partnership"));
        Api.post(Tokens.user("viewer"), IMPORT, stroudFile).statusCode(403);
        assertEquals(Map.of(), eventsAfter(start));
    }

    /**
     * An import stages each indicator's command on what it read of the indicator: one that moved since (another
     * request amended it) or that the command no longer changes is a 409, and nothing of the transaction is stored.
     */
    @Test
    void anIndicatorThatMovedSinceTheImportReadItIsAConflictAndNothingIsStored() {
        String s = suffix();
        String code = "CT-" + s.toUpperCase(Locale.ROOT);
        Api.post(COTSWOLD, IMPORT, file("cotswold", "council-" + s, indicator(code, "Moving", "council-" + s)))
                .statusCode(200);
        IndicatorRequest body = new IndicatorRequest(
                code,
                "Moved",
                null,
                1,
                "count",
                "monthly",
                null,
                "lower-is-better",
                List.of("council-" + s),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        var definition = IndicatorDefinitions.validate(body, Set.of("council-" + s));
        var amend = new IndicatorCommand.AmendIndicator(code, definition);
        long start = lastPosition();
        // read at version 0 (not defined) or 2 (amended since): the indicator is at 1
        for (long stale : List.of(0L, 2L)) {
            assertThrows(ConcurrencyConflict.class, () -> stage(code, amend, stale), "read at " + stale);
        }
        assertEquals(Map.of(), eventsAfter(start));
        stage(code, amend, 1);
        assertEquals(Map.of("measures.indicator.amended.v2", 1L), eventsAfter(start));
        assertThrows(
                ConcurrencyConflict.class,
                () -> stage(code, amend, 2),
                "an amendment that changes nothing is not what the import decided");
    }

    private void stage(String code, IndicatorCommand command, long version) {
        store.inTransaction(unit -> indicators.stage(unit, "cotswold", code, command, version, Actor.SYSTEM))
                .await()
                .indefinitely();
    }

    @Test
    void aFileIsReadStrictlyAndWithinTheBodyLimit() {
        String code = "CT-" + suffix().toUpperCase(Locale.ROOT);
        String good = file("cotswold", "cotswold-council", indicator(code, "Strict", "gloucestershire-constabulary"));
        long start = lastPosition();
        for (String malformed : List.of(
                good.replace("\"notes\"", "\"unknown\":1,\"notes\""),
                good.replace("\"notes\"", "\"source\":\"twice\",\"notes\""),
                good + " {}")) {
            Api.post(COTSWOLD, IMPORT, malformed).statusCode(400).contentType("application/problem+json");
        }
        String oversized = good.replace("\"Cotswold test plan\"", "\"" + "x".repeat(5 * 1024 * 1024) + "\"");
        Api.post(COTSWOLD, IMPORT, oversized).statusCode(413).contentType("application/problem+json");
        assertEquals(Map.of(), eventsAfter(start));
    }
}
