package org.csp.plan.element;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Predicate;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.History;
import org.csp.http.Bodies;
import org.csp.http.ETags;
import org.csp.http.Partnerships;
import org.csp.plan.organisation.OrganisationNames;
import org.eclipse.microprofile.jwt.JsonWebToken;

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
    private final Partnerships partnerships;
    private final JsonWebToken token;
    private final ObjectMapper json;

    public ElementEndpoints(
            Elements<B, D, E> elements,
            String route,
            View<D, V> view,
            Partnerships partnerships,
            JsonWebToken token,
            ObjectMapper json) {
        this.elements = elements;
        this.route = route;
        this.view = view;
        this.partnerships = partnerships;
        this.token = token;
        this.json = json;
    }

    /** The kind's elements, in id order, retired ones only when asked for, filtered by their definition. */
    public Uni<List<V>> list(String partnership, boolean includeRetired, Predicate<D> filter) {
        String partnershipId = partnerships.resolve(partnership);
        return OrganisationNames.load(elements.store().pool(), partnershipId)
                .flatMap(names -> elements.list(partnershipId)
                        .map(rows -> rows.stream()
                                .filter(row -> includeRetired || row.state().active())
                                .filter(row -> filter.test(row.state().definition()))
                                .map(row -> view.of(row, names))
                                .toList()));
    }

    public Uni<Response> get(String id, String partnership) {
        String partnershipId = partnerships.resolve(partnership);
        return elements.get(partnershipId, id).flatMap(row -> respond(partnershipId, row));
    }

    public Uni<List<History.Entry>> history(String id, String partnership) {
        return elements.history(partnerships.resolve(partnership), id);
    }

    public Uni<Response> create(String partnership, B body) {
        String partnershipId = partnerships.resolve(partnership);
        return elements.create(partnershipId, body, Actor.of(token))
                .flatMap(outcome -> elements.get(partnershipId, outcome.state().id()))
                .flatMap(row -> OrganisationNames.load(elements.store().pool(), partnershipId)
                        .map(names -> Responses.created(route + row.id(), view.of(row, names), row.version())));
    }

    public Uni<Response> amend(String id, String partnership, String ifMatch, byte[] body) {
        String partnershipId = partnerships.resolve(partnership);
        long version = ETags.requireIfMatch(ifMatch);
        return elements.amend(partnershipId, id, Bodies.tree(json, body), version, Actor.of(token), json)
                .flatMap(outcome -> elements.get(partnershipId, id))
                .flatMap(row -> respond(partnershipId, row));
    }

    public Uni<Response> retire(String id, String partnership, String ifMatch, RetireRequest body) {
        String partnershipId = partnerships.resolve(partnership);
        long version = ETags.requireIfMatch(ifMatch);
        return elements.retire(partnershipId, id, RetireRequest.validate(body), version, Actor.of(token))
                .flatMap(outcome -> elements.get(partnershipId, id))
                .flatMap(row -> respond(partnershipId, row));
    }

    private Uni<Response> respond(String partnershipId, States.Versioned<Element<D>> row) {
        return OrganisationNames.load(elements.store().pool(), partnershipId)
                .map(names -> Responses.ok(view.of(row, names), row.version()));
    }
}
