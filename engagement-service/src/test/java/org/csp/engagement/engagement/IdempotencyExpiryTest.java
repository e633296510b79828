package org.csp.engagement.engagement;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.csp.http.IdempotentRequests;
import org.csp.infrastructure.ServiceDatabase;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.csp.testing.Marker;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key is kept for the retention period (7 days): within it a retry is answered from the first answer;
 * after it the key is a new key (the request is done again) and the purge deletes it.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "engagement"))
class IdempotencyExpiryTest {

    @Inject
    IdempotentRequests idempotentRequests;

    @Test
    void aKeyIsKeptForSevenDaysThenPurgedAndANewUseAfterThatIsANewRequest() throws Exception {
        assertEquals(Duration.ofDays(7), idempotentRequests.retention());
        String officer = Tokens.user("engagement");
        String body = "{\"type\": \"workshop\", \"title\": \"Expiring " + Marker.next()
                + "\", \"startDate\": \"2024-06-12\", \"attendance\": 12}";
        String key = "expiry-test-key-1";
        String first = record(officer, body, key, 201)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .path("id");

        age(key, Duration.ofDays(6));
        record(officer, body, key, 200)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first));
        assertEquals(0, idempotentRequests.purgeExpired().await().indefinitely(), "six days old: kept");

        age(key, Duration.ofDays(8));
        record(officer, body, key, 201)
                .header("Idempotent-Replayed", nullValue())
                .body("id", not(equalTo(first)));
        assertEquals(1, keys(key), "the key names the second request now");

        age(key, Duration.ofDays(8));
        assertEquals(1, idempotentRequests.purgeExpired().await().indefinitely());
        assertEquals(0, keys(key), "purged");
    }

    private static ValidatableResponse record(String token, String body, String key, int status) {
        return Api.json(token, body)
                .header("Idempotency-Key", key)
                .when()
                .post("/api/engagements")
                .then()
                .statusCode(status);
    }

    /** Makes the key's first use {@code age} ago. */
    private static void age(String key, Duration age) throws Exception {
        try (Connection db = ServiceDatabase.connect();
                PreparedStatement update = db.prepareStatement(
                        "UPDATE idempotent_request SET created_at = now() - make_interval(secs => ?) WHERE key = ?")) {
            update.setDouble(1, age.toSeconds());
            update.setString(2, key);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static int keys(String key) throws Exception {
        try (Connection db = ServiceDatabase.connect();
                PreparedStatement count =
                        db.prepareStatement("SELECT count(*) FROM idempotent_request WHERE key = ?")) {
            count.setString(1, key);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
