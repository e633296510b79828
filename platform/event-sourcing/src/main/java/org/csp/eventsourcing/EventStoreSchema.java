package org.csp.eventsourcing;

import org.csp.eventsourcing.admin.AdminActions;

/**
 * The event table, the relay's checkpoint and its refused events, and the administrators' actions; created at
 * start-up, idempotently.
 */
final class EventStoreSchema {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS events (
                position       bigserial   PRIMARY KEY,
                event_id       uuid        NOT NULL UNIQUE,
                stream_id      text        NOT NULL,
                version        bigint      NOT NULL CHECK (version > 0),
                type           text        NOT NULL,
                partnership_id text        NOT NULL,
                payload        jsonb       NOT NULL,
                occurred_at    timestamptz NOT NULL,
                actor_subject  text        NOT NULL,
                actor_client   text,
                CONSTRAINT events_stream_id_version_key UNIQUE (stream_id, version)
            );
            -- no query reads events by partnership and type; the index only cost an entry per event appended
            DROP INDEX IF EXISTS events_partnership_type;
            CREATE OR REPLACE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the event table is append-only';
            END $$;
            DROP TRIGGER IF EXISTS events_append_only ON events;
            CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
                FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
            CREATE TABLE IF NOT EXISTS relay_checkpoint (
                relay      text        PRIMARY KEY,
                position   bigint      NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE IF NOT EXISTS relay_refused (
                relay       text        NOT NULL,
                position    bigint      NOT NULL,
                stream_id   text        NOT NULL,
                version     bigint      NOT NULL,
                type        text        NOT NULL,
                reason      text        NOT NULL,
                refused_at  timestamptz NOT NULL DEFAULT now(),
                resolved_at timestamptz,
                PRIMARY KEY (relay, position)
            );
            """ + AdminActions.DDL;

    private EventStoreSchema() {}
}
