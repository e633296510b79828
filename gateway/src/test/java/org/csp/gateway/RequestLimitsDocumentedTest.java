package org.csp.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.csp.infrastructure.TestInfrastructure;
import org.csp.testing.RequestLimits;
import org.junit.jupiter.api.Test;

/** Every string, list and number of every request body has its limit documented in the OpenAPI document. */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class RequestLimitsDocumentedTest {

    @Test
    void everyRequestBodyDocumentsItsLimits() {
        RequestLimits.assertDocumented();
    }
}
