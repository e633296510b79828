package org.csp.measures.derived;

import static org.csp.measures.derived.EngagementEvents.await;
import static org.csp.measures.derived.EngagementEvents.publish;
import static org.csp.measures.derived.EngagementEvents.record;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/** Derived indicators follow the engagement records and published consultation results, never typed in by hand. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class EngagementDerivationTest {

    @Test
    void workshopsChecklistsAndCommunityPaybackAreCountedFromTheEngagementRecords() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        record(a, 1, "workshop", "2025-07-10", List.of("Stroud District Council"), null, "Stroud District");
        record(b, 1, "workshop", "2025-08-02", List.of("Stroud District Council"), null, "Stroud District");
        record(
                UUID.randomUUID().toString(),
                1,
                "checklist-completed",
                "2025-08-20",
                List.of("Cam Village Hall"),
                null,
                "Stroud District");
        record(
                UUID.randomUUID().toString(),
                1,
                "community-payback-project",
                "2025-09-01",
                List.of("Stroud Town Council", "Canal Trust"),
                "E05013187",
                "Amberley and Woodchester");
        record(
                UUID.randomUUID().toString(),
                1,
                "community-payback-project",
                "2025-09-15",
                List.of("Canal Trust", "Scouts"),
                "E05013188",
                "Berkeley Vale");
        await("COMMUNITY-WORKSHOPS", "2025/26 Q2", 2);
        await("CHECKLIST-ORGANISATIONS", "2025/26 Q2", 1);
        await("COMMUNITY-PAYBACK-ORGANISATIONS", "2025/26 Q2", 3);
        await("COMMUNITY-PAYBACK-AREAS", "2025/26 Q2", 2);

        // a withdrawn record stops counting (a revision), and a replayed old event changes nothing
        publish("engagement.activity.withdrawn.v1", "stroud:engagement:" + a, 2, p -> p.put("engagementId", a));
        await("COMMUNITY-WORKSHOPS", "2025/26 Q2", 1);
        int before = revisions("2025/26 Q2").size();
        record(a, 1, "workshop", "2025-07-10", List.of("Stroud District Council"), null, "Stroud District");
        // a record moved to another quarter counts there
        record(b, 2, "workshop", "2025-10-02", List.of("Stroud District Council"), null, "Stroud District");
        await("COMMUNITY-WORKSHOPS", "2025/26 Q3", 1);
        await("COMMUNITY-WORKSHOPS", "2025/26 Q2", 0);
        List<Integer> revisions = revisions("2025/26 Q2");
        assertEquals(before + 1, revisions.size(), "one revision for the move, none for the replay: " + revisions);
        assertEquals(List.of(2, 1, 0), revisions.subList(revisions.size() - 3, revisions.size()));
    }

    private static List<Integer> revisions(String quarter) {
        return Api.get(
                        Tokens.user("viewer"),
                        "/api/indicators/COMMUNITY-WORKSHOPS/data-points/E07000082/"
                                + quarter.replace('/', '-').replace(' ', '-'))
                .statusCode(200)
                .extract()
                .path("revisions.value");
    }

    @Test
    void perceptionFiguresComeFromPublishedConsultationResults() throws Exception {
        publish(
                "engagement.consultation.results-published.v1",
                "stroud:consultation:survey-2023",
                1,
                p -> p.put("period", "2023/24"));
        await("FEEL-SAFE-AFTER-DARK", "2023/24", 71.5f);
        await("ASB-BETTER-OR-SAME", "2023/24", 83);
    }

    @Test
    void derivedIndicatorsAreNeverTypedInByHand() {
        Api.post(
                        Tokens.user("coordinator"),
                        "/api/data-points/batch",
                        "[{\"indicator\":\"COMMUNITY-WORKSHOPS\",\"period\":\"2024/25 Q1\",\"geography\":\"E07000082\",\"value\":3}]")
                .statusCode(422)
                .body("errors[0].message", containsString("derived"));
    }
}
