package org.csp.eventcatalogue;

import java.util.List;
import org.csp.contracts.EngagementEventTypes;
import org.csp.contracts.MeasuresEventTypes;
import org.csp.contracts.PlanEventTypes;

/**
 * A topic as the catalogue shows it: its Kafka address, the service that writes it (the CloudEvents source), how its
 * streams (the record keys) are named and every type that is or ever was on it, from the event contracts.
 */
record Topic(String channelId, String address, String producer, String streams, List<String> types) {

    /** The three topics, in the order of docs/events.md. */
    static final List<Topic> ALL = List.of(
            new Topic(
                    "planEvents",
                    PlanEventTypes.TOPIC,
                    PlanEventTypes.SOURCE,
                    "`<partnership>:<kind>:<id>`, kinds `plan`, `organisation`, `priority` (id = number), `objective`,"
                            + " `initiative`, `review` (id = `2024-25-Q3`), `priority-lead` (id = token subject).",
                    PlanEventTypes.ALL),
            new Topic(
                    "measuresEvents",
                    MeasuresEventTypes.TOPIC,
                    MeasuresEventTypes.SOURCE,
                    "`<partnership>:indicator:<code>`, `<partnership>:datapoint:<code>:<gss>:<period>:<source>`,"
                            + " `<partnership>:comparator:<code>:<gss>:<period>` (a period's `/` and spaces as `-`),"
                            + " `<scope>:comparator-source:<id>` (a partnership's or the county board's id),"
                            + " `<partnership>:catalogue:indicators`.",
                    MeasuresEventTypes.ALL),
            new Topic(
                    "engagementEvents",
                    EngagementEventTypes.TOPIC,
                    EngagementEventTypes.SOURCE,
                    "`<partnership>:engagement:<id>`, `<partnership>:case-review:<case reference>`,"
                            + " `<partnership>:consultation:<id>`.",
                    EngagementEventTypes.ALL));
}
