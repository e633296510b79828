package org.csp.engagement.registry;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Collections;
import java.util.List;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.infrastructure.Tokens;
import org.csp.testing.Api;
import org.csp.testing.Marker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Organisations named in engagement records are ids of the partner registry plan-service keeps, which
 * engagement-service reads from {@code plan.events}: an unknown, retired or other partnership's one is a 422 naming
 * the field, and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "engagement"))
class OrganisationRegistryTest {

    private static final String RECORD = """
            {"type": "workshop", "title": "%s", "startDate": "2024-08-14", "leadOrganisation": %s,
             "organisations": %s}""";

    @BeforeEach
    void stroudsRegistry() throws Exception {
        TestRegistry.stroud();
    }

    private static String record(String lead, String organisations) {
        return RECORD.formatted("Registry " + Marker.next(), lead, organisations);
    }

    private static int records() {
        return Api.get(Tokens.user("viewer"), "/api/engagements?includeWithdrawn=true")
                .statusCode(200)
                .extract()
                .path("size()");
    }

    @Test
    void registryIdsAreTakenWithTheirNamesAndRepeatsCountOnce() {
        Api.post(
                        Tokens.user("engagement"),
                        "/api/engagements",
                        record(
                                "\"victim-support\"",
                                "[\"gloucestershire-constabulary\", \"Stroud District Council\", \"gloucestershire-constabulary\"]"))
                .statusCode(201)
                .body("leadOrganisation", equalTo("victim-support"))
                .body("leadOrganisationName", equalTo("Victim Support"))
                .body("organisations", equalTo(List.of("gloucestershire-constabulary", "stroud-district-council")))
                .body("organisationNames", equalTo(List.of("Gloucestershire Police", "Stroud District Council")));
    }

    @Test
    void anOrganisationInNoRegistryIsA422NamingTheFieldAndNothingIsStored() {
        int before = records();
        Api.post(
                        Tokens.user("engagement"),
                        "/api/engagements",
                        record("\"no-such-body\"", "[\"victim-support\", \"Acme Security Ltd\"]"))
                .statusCode(422)
                .body("errors.field", equalTo(List.of("leadOrganisation", "organisations[1]")))
                .body("errors[1].message", containsString("not an organisation of the stroud partnership's registry"));
        String tooMany = "[" + String.join(", ", Collections.nCopies(101, "\"victim-support\"")) + "]";
        Api.post(Tokens.user("engagement"), "/api/engagements", record("null", tooMany))
                .statusCode(422)
                .body("errors[0].field", equalTo("organisations"))
                .body("errors[0].message", containsString("at most 100"));
        assertEquals(before, records());
    }

    /** The registry follows plan-service: a renamed organisation is named anew, a retired one is refused. */
    @Test
    void aRenamedOrganisationIsNamedAnewAndARetiredOneIsRefused() throws Exception {
        TestRegistry.define("street-pastors", "Street Pastors", 1);
        TestRegistry.awaitVersion("street-pastors", 1);
        TestRegistry.define("street-pastors", "Stroud Street Pastors", 2);
        TestRegistry.awaitVersion("street-pastors", 2);
        Api.post(Tokens.user("engagement"), "/api/engagements", record("\"street-pastors\"", "[]"))
                .statusCode(201)
                .body("leadOrganisationName", equalTo("Stroud Street Pastors"));
        TestRegistry.retire("street-pastors", 3);
        TestRegistry.awaitVersion("street-pastors", 3);
        Api.post(Tokens.user("engagement"), "/api/engagements", record("\"street-pastors\"", "[]"))
                .statusCode(422)
                .body("errors[0].field", equalTo("leadOrganisation"));
    }
}
