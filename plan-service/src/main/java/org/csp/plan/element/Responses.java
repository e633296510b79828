package org.csp.plan.element;

import jakarta.ws.rs.core.Response;

/** The HTTP shapes every aggregate of the plan service answers with. */
public final class Responses {

    private Responses() {}

    /** 200 with the aggregate's version as its ETag. */
    public static Response ok(Object view, long version) {
        return Response.ok(view).tag(Long.toString(version)).build();
    }

    /**
     * 201 with where the new aggregate lives (a path, as the gateway serves it: a client never sees a service's own
     * address) and its ETag.
     */
    public static Response created(String location, Object view, long version) {
        return Response.status(Response.Status.CREATED)
                .header("Location", location)
                .entity(view)
                .tag(Long.toString(version))
                .build();
    }
}
