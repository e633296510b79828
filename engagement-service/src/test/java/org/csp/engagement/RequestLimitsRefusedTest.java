package org.csp.engagement;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.csp.engagement.consultation.ConsultationResource;
import org.csp.engagement.engagement.EngagementRequest;
import org.csp.infrastructure.ServiceDatabase;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A request one past a documented limit (a list one entry longer, a text one character longer) is a 422 problem naming
 * the field, and nothing is stored: limits that were not checked before.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "engagement"))
class RequestLimitsRefusedTest {

    /** A valid engagement record but for {@code %s}, the fields a case changes. */
    private static final String RECORD = """
            {"type": "school-presentation", "title": "Limits talk", "startDate": "2024-06-12"%s}""";

    /** A valid consultation but for {@code %s}. */
    private static final String CONSULTATION = """
            {"id": "limits-survey", "kind": "survey", "title": "Limits", "opensOn": "2024-06-01",
             "questions": [{"code": "Q1", "text": "Do you feel safe?"}]%s}""";

    /** {@code count} times {@code item}, as a JSON list's items. */
    private static String times(int count, String item) {
        return String.join(",", Collections.nCopies(count, item));
    }

    static Stream<Arguments> onePastTheLimit() {
        String initiatives = IntStream.rangeClosed(0, EngagementRequest.MAX_INITIATIVES)
                .mapToObj(i -> "\"P1-" + i + "\"")
                .collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of(
                        "/api/engagements", "initiatives", RECORD.formatted(",\"initiatives\":[" + initiatives + "]")),
                Arguments.of(
                        "/api/engagements",
                        "priorities",
                        RECORD.formatted(",\"priorities\":[" + times(EngagementRequest.MAX_PRIORITY + 1, "1") + "]")),
                Arguments.of("/api/engagements", "endDate", RECORD.formatted(",\"endDate\":\"2024-06-13 \"")),
                Arguments.of(
                        "/api/consultations",
                        "priorities",
                        CONSULTATION.formatted(
                                ",\"priorities\":[" + times(ConsultationResource.MAX_PRIORITY + 1, "1") + "]")),
                Arguments.of("/api/consultations/limits-survey/results", "results[0].indicator", """
                        {"publishedOn": "2024-09-01", "period": "2024/25", "geography": "E07000082",
                         "results": [{"question": "Q1", "indicator": "%s", "percentage": 80, "sampleSize": 100}]}""".formatted(
                                "A".repeat(ConsultationResource.MAX_INDICATOR + 1))),
                Arguments.of(
                        "/api/case-reviews",
                        "receivedOn",
                        "{\"caseReference\": \"ASB-LIMITS-1\", \"receivedOn\": \" 2024-09-02\"}"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("onePastTheLimit")
    void onePastTheLimitIsRefusedNamingTheFieldAndStoresNothing(String path, String field, String body)
            throws SQLException {
        long before = events();
        Api.post(Tokens.user("engagement"), path, body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString("at most"));
        assertEquals(before, events(), "nothing was stored");
    }

    private static long events() throws SQLException {
        try (Connection c = ServiceDatabase.connect();
                ResultSet rows = c.createStatement().executeQuery("SELECT count(*) FROM events")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
