package org.csp.engagement.registry;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.csp.contracts.PlanEventTypes;
import org.csp.eventsourcing.cloudevents.CloudEvent;
import org.csp.eventsourcing.cloudevents.EventData;
import org.csp.eventsourcing.projection.Projection;
import org.csp.eventsourcing.projection.UnprocessableEvent;

/**
 * plan-service's organisation registry as engagement-service knows it, from {@code plan.events} with the kernel's
 * exactly-once consumer (the {@code registry} projection): each organisation's id, name and whether it is retired, in
 * {@code public.registered_organisation}, so that engagement records can name organisations by their registry ids.
 * A row changes only for an event newer than it (by stream version): a replay or a rebuild changes nothing.
 */
@ApplicationScoped
public class OrganisationRegistry implements Projection {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS public.registered_organisation (
                partnership_id  text    NOT NULL,
                organisation_id text    NOT NULL,
                name            text    NOT NULL,
                retired         boolean NOT NULL,
                version         bigint  NOT NULL,
                PRIMARY KEY (partnership_id, organisation_id));
            CREATE INDEX IF NOT EXISTS registered_organisation_by_name
                ON public.registered_organisation (partnership_id, lower(name))""";

    private static final Set<String> APPLIED = Set.of(
            PlanEventTypes.ORGANISATION_DEFINED_V1,
            PlanEventTypes.ORGANISATION_AMENDED_V1,
            PlanEventTypes.ORGANISATION_RETIRED_V1);

    @Override
    public String name() {
        return "registry";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> topics() {
        return List.of(PlanEventTypes.TOPIC);
    }

    /** The registry lives in public, where the engagement records are checked against it. */
    @Override
    public String ddl() {
        return DDL;
    }

    @Override
    public Set<String> appliedTypes() {
        return APPLIED;
    }

    @Override
    public Set<String> ignoredTypes() {
        Set<String> ignored = new HashSet<>(PlanEventTypes.ALL);
        ignored.removeAll(APPLIED);
        return Set.copyOf(ignored);
    }

    /** One organisation as one event leaves it; {@code name} null for a retirement, which keeps the stored name. */
    private record Change(String partnership, String id, String name, boolean retired, long version) {}

    @Override
    public Uni<Void> apply(SqlConnection tx, List<CloudEvent> events) {
        List<Change> changes = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            EventData data = EventData.of(event);
            String id = data.text("organisationId");
            changes.add(
                    switch (event.type()) {
                        case PlanEventTypes.ORGANISATION_DEFINED_V1, PlanEventTypes.ORGANISATION_AMENDED_V1 ->
                            new Change(
                                    event.partnershipId(),
                                    id,
                                    data.object("definition").text("name"),
                                    false,
                                    event.streamVersion());
                        case PlanEventTypes.ORGANISATION_RETIRED_V1 ->
                            new Change(event.partnershipId(), id, null, true, event.streamVersion());
                        default -> throw new UnprocessableEvent(event, "not a type this projection applies");
                    });
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Change c : changes) {
            chain = chain.flatMap(ignored -> tx.preparedQuery("""
                            INSERT INTO public.registered_organisation
                                (partnership_id, organisation_id, name, retired, version)
                            VALUES ($1, $2, coalesce($3, ''), $4, $5)
                            ON CONFLICT (partnership_id, organisation_id) DO UPDATE SET
                                name = coalesce($3, registered_organisation.name), retired = $4, version = $5
                            WHERE registered_organisation.version < $5""")
                    .execute(Tuple.of(c.partnership(), c.id(), c.name(), c.retired(), c.version()))
                    .replaceWithVoid());
        }
        return chain;
    }
}
