package org.csp.web.platform;

import java.util.List;
import org.csp.web.display.Tag;

/** The platform's state for its administrators: each projection and each relay, in words, worst first. */
public record PlatformPage(List<Projection> projections, List<Relay> relays) {

    /** A projection: where it runs, its state, how far behind it is, and what waits for an administrator. */
    public record Projection(
            String name, String runsIn, Tag state, String lag, String parked, String gaps, String rebuild) {}

    /** A service's relay to Kafka: the refused events not yet published again. */
    public record Relay(String service, Tag state, String refused) {}
}
