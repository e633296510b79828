package org.csp.measures;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.testing.ApiDocumentRules;
import org.junit.jupiter.api.Test;

/**
 * The service's own API document obeys the rules of the one the gateway serves: each operation's security, roles,
 * problems, and the schema of what it answers when it succeeds (the whole merged document is checked end to end by
 * deploy's {@code ApiDocumentEndToEndTest}; this finds a broken rule in the service's own build).
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "measures"))
class ApiDocumentTest {

    @Test
    void everyOperationHasItsSecurityRolesProblemsAndTheSchemaOfItsAnswer() {
        // no path of a service is open: the gateway's public figures are the only API without a token
        ApiDocumentRules.assertObeyed(path -> false);
    }
}
