package org.csp.eventsourcing.admin;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.csp.eventsourcing.Actor;
import org.jboss.logging.Logger;

/**
 * What administrators did to the event flow (a refused event republished, a parked record replayed or discarded, a
 * gap skipped, a rebuild asked for): a row each in {@code public.admin_action} with who (token subject and client),
 * when, what, the reason they gave and the outcome, and a log line. The log line leaves the reason out: it is free
 * text and may name a person; the subject is the token's opaque id.
 */
public final class AdminActions {

    /** Created with the event table and with the projections' tables: every application that has either. */
    public static final String DDL = """
            CREATE TABLE IF NOT EXISTS public.admin_action (
                id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at      timestamptz NOT NULL DEFAULT now(),
                subject text        NOT NULL,
                client  text,
                action  text        NOT NULL,
                target  text        NOT NULL,
                reason  text,
                outcome text        NOT NULL
            );
            """;

    private static final Logger LOG = Logger.getLogger(AdminActions.class);

    private AdminActions() {}

    /**
     * Records an action in {@code client}'s transaction (with the change it made, so that both or neither are kept).
     * {@code action} is a stable name ({@code relay.republish}, {@code projection.replay} …), {@code target} what it
     * acted on ({@code engagement.events@1234}, {@code quarterly/parked/17}), {@code outcome} {@code done} or why not.
     */
    public static Uni<Void> record(
            SqlClient client, Actor actor, String action, String target, String reason, String outcome) {
        return client.preparedQuery("""
                        INSERT INTO public.admin_action (subject, client, action, target, reason, outcome)
                        VALUES ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.tuple()
                        .addString(actor.subject())
                        .addString(actor.client())
                        .addString(action)
                        .addString(target)
                        .addString(reason)
                        .addString(outcome))
                .invoke(() -> LOG.infof(
                        "Administrator action %s on %s by subject %s: %s", action, target, actor.subject(), outcome))
                .replaceWithVoid();
    }
}
