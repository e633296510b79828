package org.csp.plan.element;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.History;

/** Where a kind of plan part (initiatives, and each element kind) is kept: its parts' events, and their retirement. */
public interface PlanParts {

    Uni<List<History.Entry>> history(String partnershipId, String id);

    /** Retires the part for {@code reason}, decided on version {@code ifMatch}. */
    Uni<?> retire(String partnershipId, String id, String reason, long ifMatch, Actor actor);
}
