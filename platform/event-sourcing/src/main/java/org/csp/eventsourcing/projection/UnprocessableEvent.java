package org.csp.eventsourcing.projection;

import org.csp.eventsourcing.cloudevents.CloudEvent;

/** An event whose data a projection cannot apply (a required field missing, a value of the wrong kind). */
public class UnprocessableEvent extends RuntimeException {

    private final transient CloudEvent event;

    public UnprocessableEvent(CloudEvent event, String reason) {
        super(reason);
        this.event = event;
    }

    public CloudEvent event() {
        return event;
    }
}
