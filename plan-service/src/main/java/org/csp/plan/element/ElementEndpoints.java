package org.csp.plan.element;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Predicate;
import org.csp.eventsourcing.History;
import org.csp.http.ApiCall;
import org.csp.http.ETags;
import org.csp.plan.organisation.OrganisationNames;

/**
 * What the resources of organisations, priorities and objectives do, written once: each resource declares its
 * paths, roles and documentation and hands the request to these. {@code V} is the kind's API view.
 */
public final class ElementEndpoints<B, D, E, V> {

    /** How a kind's element reads on the API; organisation ids may show their names beside them. */
    @FunctionalInterface
    public interface View<D, V> {
        V of(States.Versioned<Element<D>> row, OrganisationNames organisations);
    }

    private final Elements<B, D, E> elements;
    private final String route;
    private final View<D, V> view;
    private final ApiCall call;

    public ElementEndpoints(Elements<B, D, E> elements, String route, View<D, V> view, ApiCall call) {
        this.elements = elements;
        this.route = route;
        this.view = view;
        this.call = call;
    }

    /** The kind's elements, in id order, retired ones only when asked for, filtered by their definition. */
    public Uni<List<V>> list(String partnership, boolean includeRetired, Predicate<D> filter) {
        String partnershipId = call.partnership(partnership);
        return OrganisationNames.load(elements.store().pool(), partnershipId)
                .flatMap(names -> elements.list(partnershipId)
                        .map(rows -> rows.stream()
                                .filter(row -> includeRetired || row.state().active())
                                .filter(row -> filter.test(row.state().definition()))
                                .map(row -> view.of(row, names))
                                .toList()));
    }

    public Uni<Response> get(String id, String partnership) {
        String partnershipId = call.partnership(partnership);
        return elements.get(partnershipId, id).flatMap(row -> respond(partnershipId, row));
    }

    public Uni<List<History.Entry>> history(String id, String partnership) {
        return elements.history(call.partnership(partnership), id);
    }

    public Uni<Response> create(String partnership, B body) {
        String partnershipId = call.partnership(partnership);
        return elements.create(partnershipId, body, call.actor())
                .flatMap(outcome -> elements.get(partnershipId, outcome.state().id()))
                .flatMap(row -> OrganisationNames.load(elements.store().pool(), partnershipId)
                        .map(names -> Responses.created(route + row.id(), view.of(row, names), row.version())));
    }

    public Uni<Response> amend(String id, String partnership, String ifMatch, byte[] body) {
        String partnershipId = call.partnership(partnership);
        long version = ETags.requireIfMatch(ifMatch);
        JsonNode patch = call.tree(body);
        return elements.amend(
                        partnershipId,
                        id,
                        current -> call.patch(current, patch, elements.requestType()),
                        version,
                        call.actor())
                .flatMap(outcome -> elements.get(partnershipId, id))
                .flatMap(row -> respond(partnershipId, row));
    }

    public Uni<Response> retire(String id, String partnership, String ifMatch, RetireRequest body) {
        String partnershipId = call.partnership(partnership);
        long version = ETags.requireIfMatch(ifMatch);
        return elements.retire(partnershipId, id, RetireRequest.validate(body), version, call.actor())
                .flatMap(outcome -> elements.get(partnershipId, id))
                .flatMap(row -> respond(partnershipId, row));
    }

    private Uni<Response> respond(String partnershipId, States.Versioned<Element<D>> row) {
        return OrganisationNames.load(elements.store().pool(), partnershipId)
                .map(names -> Responses.ok(view.of(row, names), row.version()));
    }
}
