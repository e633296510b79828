package org.csp.plan.element;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.Aggregate;
import org.csp.eventsourcing.EventStore;
import org.csp.eventsourcing.History;
import org.csp.eventsourcing.UnitOfWork;
import org.csp.plan.element.Element.Command;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The commands and queries every element kind (organisation, priority, objective) shares: list, read, create,
 * amend with a JSON merge patch, retire. {@code B} is the kind's API body, {@code D} its stored definition.
 */
public final class Elements<B, D, E> implements PlanParts {

    /** The longest id. */
    public static final int MAX_ID = 80;

    /** Ids are short and safe in a path and a stream id: letters, digits and hyphens. */
    public static final String ID_FORM = "[A-Za-z0-9][A-Za-z0-9-]{0," + (MAX_ID - 1) + "}";

    public static final Pattern ID = Pattern.compile(ID_FORM);

    /** An id as the OpenAPI document shows it, wherever a request names one. */
    @Schema(
            name = "Id",
            type = SchemaType.STRING,
            maxLength = MAX_ID,
            pattern = ID_FORM,
            description = "An id: letters, digits and hyphens, such as P1-10")
    public interface Id {}

    /** Checks a definition against the rest of the plan (references to organisations, priorities …) in the unit. */
    public interface References<D> {
        Uni<Void> check(UnitOfWork unit, String partnershipId, D definition);
    }

    private final EventStore store;
    private final Kind<Command<D>, E, Element<D>> kind;
    private final Class<B> bodyType;
    private final BiFunction<String, D, B> toBody;
    private final Function<B, String> idOf;
    private final Function<B, D> validate;
    private final References<D> references;
    private final Aggregate<Command<D>, E, Element<D>> aggregate;

    public Elements(
            EventStore store,
            Kind<Command<D>, E, Element<D>> kind,
            Class<B> bodyType,
            BiFunction<String, D, B> toBody,
            Function<B, String> idOf,
            Function<B, D> validate,
            References<D> references) {
        this.store = store;
        this.kind = kind;
        this.bodyType = bodyType;
        this.toBody = toBody;
        this.idOf = idOf;
        this.validate = validate;
        this.references = references;
        this.aggregate = kind.aggregate(store);
    }

    /** The kind's API request type: what a merge patch is read back as. */
    public Class<B> requestType() {
        return bodyType;
    }

    public EventStore store() {
        return store;
    }

    public Kind<Command<D>, E, Element<D>> kind() {
        return kind;
    }

    @Override
    public Uni<List<History.Entry>> history(String partnershipId, String id) {
        return aggregate.history(partnershipId, id);
    }

    public Uni<List<States.Versioned<Element<D>>>> list(String partnershipId) {
        return States.list(store.pool(), partnershipId, kind);
    }

    public Uni<States.Versioned<Element<D>>> get(String partnershipId, String id) {
        return States.find(store.pool(), partnershipId, kind, id, false)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound(kind.what(), id)));
    }

    /** Creates the element the body describes, under the id the body gives. */
    public Uni<Aggregate.Outcome<E, Element<D>>> create(String partnershipId, B body, Actor actor) {
        Validation v = Validation.of(body);
        String id = v.parse(
                idOf.apply(body),
                "id",
                MAX_ID,
                text -> ID.matcher(text).matches() ? text : null,
                "an id of letters, digits and hyphens, such as 'P1-10'");
        v.throwIfInvalid();
        D definition = validate.apply(body);
        return store.inTransaction(unit -> references
                .check(unit, partnershipId, definition)
                .flatMap(ignored ->
                        aggregate.handle(unit, partnershipId, id, new Command.Define<>(id, definition), null, actor)));
    }

    /** Applies a JSON merge patch to the element's API body; the result is validated as a whole. */
    public Uni<Aggregate.Outcome<E, Element<D>>> amend(
            String partnershipId, String id, UnaryOperator<B> patch, long ifMatch, Actor actor) {
        return store.inTransaction(unit -> aggregate
                .load(unit, partnershipId, id)
                .flatMap(loaded -> {
                    if (!loaded.state().exists()) {
                        throw ProblemException.notFound(kind.what(), id);
                    }
                    B patched = patch.apply(toBody.apply(id, loaded.state().definition()));
                    new Validation()
                            .require(
                                    id.equals(idOf.apply(patched)),
                                    "id",
                                    "cannot change; retire this one and create another")
                            .throwIfInvalid();
                    D definition = validate.apply(patched);
                    return references
                            .check(unit, partnershipId, definition)
                            .flatMap(ignored -> aggregate.handle(
                                    unit, partnershipId, id, new Command.Amend<>(id, definition), ifMatch, actor));
                }));
    }

    @Override
    public Uni<Aggregate.Outcome<E, Element<D>>> retire(
            String partnershipId, String id, String reason, long ifMatch, Actor actor) {
        return aggregate.execute(partnershipId, id, new Command.Retire<>(id, reason), ifMatch, actor);
    }
}
