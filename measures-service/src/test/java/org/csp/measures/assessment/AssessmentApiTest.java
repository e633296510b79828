package org.csp.measures.assessment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.measures.Db;
import org.csp.testing.Api;
import org.junit.jupiter.api.Test;

/** The quarter's assessment, the latest values, the sources still to submit, and the family-group comparators. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class AssessmentApiTest {

    private static void post(String rows) {
        Api.post(Tokens.client("police-gloucestershire"), "/api/data-points/batch", "[" + rows + "]")
                .statusCode(200);
    }

    private static String row(String indicator, String period, int value) {
        return "{\"indicator\":\"%s\",\"period\":\"%s\",\"geography\":\"E07000082\",\"value\":%d}"
                .formatted(indicator, period, value);
    }

    @Test
    void theQuartersAssessmentReadsChangeThroughEachIndicatorsPolarity() {
        // recorded crime (lower is better): 120 in 2023/24 Q2, 90 in 2024/25 Q2
        post(String.join(
                ",",
                row("RECORDED-CRIME", "2023-07", 40),
                row("RECORDED-CRIME", "2023-08", 40),
                row("RECORDED-CRIME", "2023-09", 40),
                row("RECORDED-CRIME", "2024-07", 30),
                row("RECORDED-CRIME", "2024-08", 30),
                row("RECORDED-CRIME", "2024-09", 30)));
        // hate crime (an increase in reporting is positive): 20 then 30
        post(String.join(",", row("HATE-CRIMES", "2023/24 Q2", 20), row("HATE-CRIMES", "2024/25 Q2", 30)));
        // Channel referrals are monitored only
        post(String.join(",", row("CHANNEL-REFERRALS", "2023/24 Q2", 2), row("CHANNEL-REFERRALS", "2024/25 Q2", 5)));

        var viewer = Tokens.user("viewer");
        Api.get(viewer, "/api/assessments/2024-25-Q2")
                .statusCode(200)
                .body("find { it.indicator == 'RECORDED-CRIME' }.value", equalTo(90))
                .body("find { it.indicator == 'RECORDED-CRIME' }.sameTimeLastYear", equalTo(120))
                .body("find { it.indicator == 'RECORDED-CRIME' }.change", equalTo(-30))
                .body("find { it.indicator == 'RECORDED-CRIME' }.changePercent", equalTo(-25.0f))
                .body("find { it.indicator == 'RECORDED-CRIME' }.periodsReported", equalTo(3))
                .body("find { it.indicator == 'RECORDED-CRIME' }.direction", equalTo("improving"))
                .body("find { it.indicator == 'RECORDED-CRIME' }.rag", equalTo("green"))
                .body("find { it.indicator == 'HATE-CRIMES' }.trend", equalTo("up"))
                .body("find { it.indicator == 'HATE-CRIMES' }.direction", equalTo("improving"))
                .body("find { it.indicator == 'CHANNEL-REFERRALS' }.direction", equalTo("not-assessed"))
                .body("find { it.indicator == 'CHANNEL-REFERRALS' }.rag", equalTo("not-rated"))
                .body("find { it.indicator == 'ASB-COMPLAINTS' }.rag", equalTo("not-rated"));

        // a target (a quarter's share of the year's) decides the RAG: 90 against 80 is red for lower-is-better
        String etag = Api.get(Tokens.user("coordinator"), "/api/indicators/RECORDED-CRIME")
                .extract()
                .header("ETag");
        Api.mergePatch(
                        Tokens.user("coordinator"),
                        "/api/indicators/RECORDED-CRIME",
                        "{\"targets\":{\"2024/25\":320}}",
                        etag)
                .statusCode(200);
        Api.get(viewer, "/api/assessments/2024-25-Q2")
                .statusCode(200)
                .body("find { it.indicator == 'RECORDED-CRIME' }.target", equalTo(80))
                .body("find { it.indicator == 'RECORDED-CRIME' }.rag", equalTo("red"));
        Api.get(viewer, "/api/assessments/2024-25-Q9").statusCode(404);
    }

    /**
     * ASB incidents are reported by ward: ward figures posted alone give Stroud's district figure (their sum), and a
     * figure posted for the district itself stands instead of its wards' for that month, so nothing is counted twice.
     */
    @Test
    void wardFiguresPostedAloneGiveTheDistrictsAssessment() {
        String wards = String.join(
                ",",
                ward("2019-10", "E05013187", 10),
                ward("2019-10", "E05010969", 6),
                ward("2019-11", "E05013187", 4),
                ward("2018-10", "E05013188", 12));
        post(wards);
        var viewer = Tokens.user("viewer");
        Api.get(viewer, "/api/assessments/2019-20-Q3")
                .statusCode(200)
                .body("find { it.indicator == 'ASB-INCIDENTS' }.geography", equalTo("E07000082"))
                .body("find { it.indicator == 'ASB-INCIDENTS' }.value", equalTo(20))
                .body("find { it.indicator == 'ASB-INCIDENTS' }.sameTimeLastYear", equalTo(12))
                .body("find { it.indicator == 'ASB-INCIDENTS' }.periodsReported", equalTo(2))
                .body("find { it.indicator == 'ASB-INCIDENTS' }.figuresFrom", equalTo("wards"))
                .body("find { it.indicator == 'ASB-INCIDENTS' }.wardsReported", equalTo(2))
                .body("find { it.indicator == 'ASB-INCIDENTS' }.wardsExpected", equalTo(27));
        // Stroud's own October figure: 30 instead of the wards' 16; November still from its ward
        post(row("ASB-INCIDENTS", "2019-10", 30));
        Api.get(viewer, "/api/assessments/2019-20-Q3")
                .statusCode(200)
                .body("find { it.indicator == 'ASB-INCIDENTS' }.value", equalTo(34))
                .body("find { it.indicator == 'ASB-INCIDENTS' }.figuresFrom", equalTo("district-and-wards"))
                .body("find { it.indicator == 'ASB-INCIDENTS' }.wardsReported", equalTo(1));
        // a ward's own assessment is its figures alone; a district-level indicator has no ward counts
        Api.get(viewer, "/api/assessments/2019-20-Q3?geography=E05013187")
                .statusCode(200)
                .body("find { it.indicator == 'ASB-INCIDENTS' }.value", equalTo(14))
                .body("find { it.indicator == 'ASB-INCIDENTS' }.figuresFrom", equalTo("own"))
                .body("find { it.indicator == 'ASB-INCIDENTS' }.wardsExpected", equalTo(null));
        Api.get(viewer, "/api/assessments/2019-20-Q3")
                .statusCode(200)
                .body("find { it.indicator == 'HATE-CRIMES' }.figuresFrom", equalTo("none"))
                .body("find { it.indicator == 'HATE-CRIMES' }.wardsExpected", equalTo(null));
    }

    private static String ward(String period, String ward, int value) {
        return "{\"indicator\":\"ASB-INCIDENTS\",\"period\":\"%s\",\"geography\":\"%s\",\"value\":%d}"
                .formatted(period, ward, value);
    }

    @Test
    void theLatestValueAndTheSourcesStillToSubmit() {
        post(String.join(",", row("YOUNG-PEOPLE-OFFENDING", "2017/18 Q1", 7), row("ASB-INCIDENTS", "2017-04", 50)));
        var viewer = Tokens.user("viewer");
        Api.get(viewer, "/api/data-points/missing?quarter=2017-18-Q1")
                .statusCode(200)
                // the police have sent April's ASB figure, not May's or June's; the council none of them
                .body(
                        "find { it.indicator == 'ASB-INCIDENTS' && it.source == 'gloucestershire-constabulary' }.periods",
                        equalTo(List.of("2017-05", "2017-06")))
                .body(
                        "find { it.indicator == 'ASB-INCIDENTS' && it.source == 'stroud-district-council' }.periods",
                        equalTo(List.of("2017-04", "2017-05", "2017-06")))
                .body(
                        "find { it.indicator == 'YOUNG-PEOPLE-OFFENDING' && it.source == 'gloucestershire-youth-justice-service' }.periods",
                        equalTo(List.of("2017/18 Q1")))
                .body(
                        "findAll { it.source == 'gloucestershire-constabulary' }.indicator",
                        not(hasItem("YOUNG-PEOPLE-OFFENDING")))
                .body("indicator", not(hasItem("COMMUNITY-WORKSHOPS")));
        Api.get(viewer, "/api/data-points/latest")
                .statusCode(200)
                .body("find { it.indicator == 'YOUNG-PEOPLE-OFFENDING' }.geography", equalTo("E07000082"));
    }

    @Test
    void familyGroupComparatorsArePostedByTheCoordinatorOrTheCountyAnalyst() {
        String analyst = Tokens.client("safer-gloucestershire");
        String body = "{\"period\":\"2024-08\",\"average\":610.5,\"lower\":540,\"upper\":690,\"value\":700,"
                + "\"rank\":14,\"groupSize\":15}";
        Api.post(analyst, "/api/indicators/RECORDED-CRIME/comparators?partnership=stroud", body)
                .statusCode(201)
                .body("revision", equalTo(1))
                .body("geography", equalTo("E07000082"))
                .body("value", equalTo(700))
                .body("rank", equalTo(14))
                .body("groupSize", equalTo(15))
                .body("source", equalTo(null));
        long before = Db.events();
        Api.post(analyst, "/api/indicators/RECORDED-CRIME/comparators?partnership=stroud", body)
                .statusCode(200)
                .body("revision", equalTo(1));
        assertEquals(before, Db.events(), "the same figures again record nothing");
        Api.post(
                        analyst,
                        "/api/indicators/RECORDED-CRIME/comparators?partnership=stroud",
                        "{\"period\":\"2024-08\",\"average\":800,\"lower\":540,\"upper\":690}")
                .statusCode(422);
        Api.post(
                        analyst,
                        "/api/indicators/RECORDED-CRIME/comparators?partnership=stroud",
                        body.replace("\"rank\":14", "\"rank\":16"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("rank"))
                .body("errors[0].message", equalTo("must not be above groupSize (15)"));
        assertEquals(before, Db.events(), "nothing stored");
        Api.post(
                        Tokens.client("police-gloucestershire"),
                        "/api/indicators/RECORDED-CRIME/comparators?partnership=stroud",
                        body)
                .statusCode(403);
        Api.get(Tokens.user("viewer"), "/api/indicators/RECORDED-CRIME/comparators")
                .statusCode(200)
                .body("find { it.period == '2024-08' }.average", equalTo(610.5f));
        // without the partnership's own figure, the group's range is shown but the position is not known
        Api.post(
                        Tokens.user("coordinator"),
                        "/api/indicators/HATE-CRIMES/comparators",
                        "{\"period\":\"2024/25 Q2\",\"average\":0.4,\"lower\":0.3,\"upper\":0.5}")
                .statusCode(201);
        Api.get(Tokens.user("viewer"), "/api/assessments/2024-25-Q2")
                .statusCode(200)
                .body("find { it.indicator == 'RECORDED-CRIME' }.familyGroup.period", equalTo("2024-08"))
                .body("find { it.indicator == 'RECORDED-CRIME' }.familyGroup.position", equalTo("above"))
                .body("find { it.indicator == 'RECORDED-CRIME' }.familyGroup.reading", equalTo("worse"))
                .body("find { it.indicator == 'RECORDED-CRIME' }.familyGroup.rank", equalTo(14))
                .body("find { it.indicator == 'HATE-CRIMES' }.familyGroup.average", equalTo(0.4f))
                .body("find { it.indicator == 'HATE-CRIMES' }.familyGroup.position", equalTo("not-known"))
                .body("find { it.indicator == 'HATE-CRIMES' }.familyGroup.reading", equalTo("not-assessed"));
        // a ward has no family group
        Api.get(Tokens.user("viewer"), "/api/assessments/2024-25-Q2?geography=E05013187")
                .statusCode(200)
                .body("find { it.indicator == 'RECORDED-CRIME' }.familyGroup", equalTo(null));
    }
}
