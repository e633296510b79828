package org.csp.testing;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * In every {@code @QuarkusTest} of a service (this jar is on its test class path), a response whose body holds an event
 * record ({@link EventRecords}) is turned into a 500 naming it, so any test that reads that endpoint fails: events
 * are the stored contract, and the API answers with its own view types.
 */
@Provider
public class EventRecordGuard implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<String> found = EventRecords.find(response.getEntity());
        if (found.isPresent()) {
            response.setStatus(500);
            response.getHeaders().putSingle("Content-Type", MediaType.TEXT_PLAIN);
            response.setEntity(
                    "An event record is part of this response (views only, never events): " + found.get(),
                    null,
                    MediaType.TEXT_PLAIN_TYPE);
        }
    }
}
