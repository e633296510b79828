package org.csp.eventsourcing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.csp.problem.ProblemException;

/** The history of one aggregate: every event, who caused it (subject and client), when, and what it changed. */
public final class History {

    /** One event of the history. {@code changes} compares the state before and after it, field by field. */
    public record Entry(long version, String type, OffsetDateTime occurredAt, Who actor, List<FieldChange> changes) {}

    /** Who: the token's subject and the OIDC client (the platform itself for a seed). */
    public record Who(String subject, String client) {}

    /** A changed field as a JSON Pointer into the aggregate's state, with its values before and after. */
    public record FieldChange(String field, JsonNode from, JsonNode to) {}

    private History() {}

    /** The history of one stream; 404 (naming {@code what} and {@code id}) when it has no events. */
    public static <C, E, S> Uni<List<Entry>> of(
            EventStore store, String streamId, EventTypes<E> types, Decider<C, E, S> decider, String what, String id) {
        return store.readStream(store.pool(), streamId).map(events -> {
            if (events.isEmpty()) {
                throw ProblemException.notFound(what, id);
            }
            return entries(types, decider, events);
        });
    }

    static <C, E, S> List<Entry> entries(EventTypes<E> types, Decider<C, E, S> decider, List<StoredEvent> events) {
        S state = decider.initialState();
        JsonNode before = EventTypes.JSON.valueToTree(state);
        List<Entry> entries = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            state = decider.evolve(state, types.decode(event));
            JsonNode after = EventTypes.JSON.valueToTree(state);
            List<FieldChange> changes = new ArrayList<>();
            diff("", before, after, changes);
            entries.add(new Entry(
                    event.version(),
                    event.type(),
                    event.occurredAt(),
                    new Who(event.actor().subject(), event.actor().client()),
                    changes));
            before = after;
        }
        return entries;
    }

    /** Objects are compared key by key; anything else (text, numbers, lists) as a whole. */
    static void diff(String pointer, JsonNode from, JsonNode to, List<FieldChange> changes) {
        if (from.equals(to)) {
            return;
        }
        if (from.isObject() && to.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            from.fieldNames().forEachRemaining(keys::add);
            to.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(
                        pointer + "/" + key.replace("~", "~0").replace("/", "~1"),
                        from.path(key).isMissingNode() ? NullNode.getInstance() : from.get(key),
                        to.path(key).isMissingNode() ? NullNode.getInstance() : to.get(key),
                        changes);
            }
            return;
        }
        changes.add(new FieldChange(pointer.isEmpty() ? "/" : pointer, from, to));
    }
}
