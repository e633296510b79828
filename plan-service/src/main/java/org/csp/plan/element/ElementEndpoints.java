package org.csp.plan.element;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.History;
import org.csp.http.ETags;
import org.csp.http.Partnerships;
import org.csp.http.Bodies;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the resources of organisations, priorities and objectives do, written once: each resource declares its
 * paths, roles and documentation and hands the request to these. {@code V} is the kind's API view.
 */
public final class ElementEndpoints<B, D, E, V> {

    private final Elements<B, D, E> elements;
    private final String route;
    private final Function<States.Versioned<Element<D>>, V> view;
    private final Partnerships partnerships;
    private final JsonWebToken token;
    private final ObjectMapper json;

    public ElementEndpoints(Elements<B, D, E> elements, String route, Function<States.Versioned<Element<D>>, V> view,
                            Partnerships partnerships, JsonWebToken token, ObjectMapper json) {
        this.elements = elements;
        this.route = route;
        this.view = view;
        this.partnerships = partnerships;
        this.token = token;
        this.json = json;
    }

    /** The kind's elements, in id order, retired ones only when asked for, filtered by their definition. */
    public Uni<List<V>> list(String partnership, boolean includeRetired, Predicate<D> filter) {
        return elements.list(partnerships.resolve(partnership)).map(rows -> rows.stream()
                .filter(row -> includeRetired || row.state().active())
                .filter(row -> filter.test(row.state().definition()))
                .map(view).toList());
    }

    public Uni<Response> get(String id, String partnership) {
        return elements.get(partnerships.resolve(partnership), id).map(row -> Responses.ok(view.apply(row), row.version()));
    }

    public Uni<List<History.Entry>> history(String id, String partnership) {
        return elements.history(partnerships.resolve(partnership), id);
    }

    public Uni<Response> create(String partnership, B body) {
        String partnershipId = partnerships.resolve(partnership);
        return elements.create(partnershipId, body, Actor.of(token))
                .flatMap(outcome -> elements.get(partnershipId, outcome.state().id()))
                .map(row -> Responses.created(route + row.id(), view.apply(row), row.version()));
    }

    public Uni<Response> amend(String id, String partnership, String ifMatch, byte[] body) {
        String partnershipId = partnerships.resolve(partnership);
        long version = ETags.requireIfMatch(ifMatch);
        return elements.amend(partnershipId, id, Bodies.tree(json, body), version, Actor.of(token), json)
                .flatMap(outcome -> elements.get(partnershipId, id))
                .map(row -> Responses.ok(view.apply(row), row.version()));
    }

    public Uni<Response> retire(String id, String partnership, String ifMatch, Retirement body) {
        String partnershipId = partnerships.resolve(partnership);
        long version = ETags.requireIfMatch(ifMatch);
        return elements.retire(partnershipId, id, Retirement.validate(body), version, Actor.of(token))
                .flatMap(outcome -> elements.get(partnershipId, id))
                .map(row -> Responses.ok(view.apply(row), row.version()));
    }
}
