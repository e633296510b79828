package org.csp.gateway.routing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * A gateway of its own whose routes lead to {@link StubServices}, for the tests that show what the gateway refuses
 * before anything reaches a service (they count what the stubs received).
 */
public class StubbedRoutes implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StubServices.class));
    }
}
