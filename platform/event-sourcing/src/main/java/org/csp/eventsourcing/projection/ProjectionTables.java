package org.csp.eventsourcing.projection;

import org.csp.eventsourcing.admin.AdminActions;

/**
 * Where projections keep their state. In {@code public}: one row per generation of each projection (and the
 * administrators' actions, {@link AdminActions}). In each
 * generation's own schema ({@code quarterly_g2}): the read-model tables and the consumer's bookkeeping, written in
 * the same transaction as the read-model changes: the next offset per partition, the last applied version per
 * stream, parked records and unresolved gaps.
 */
final class ProjectionTables {

    static final String PUBLIC_DDL = """
            CREATE TABLE IF NOT EXISTS public.projection_generation (
                projection         text        NOT NULL,
                generation         int         NOT NULL,
                state              text        NOT NULL CHECK (state IN ('requested', 'building', 'live', 'retired', 'failed')),
                projection_version int         NOT NULL,
                requested_at       timestamptz NOT NULL DEFAULT now(),
                started_at         timestamptz,
                switched_at        timestamptz,
                finished_at        timestamptz,
                error              text,
                PRIMARY KEY (projection, generation)
            );
            CREATE UNIQUE INDEX IF NOT EXISTS projection_generation_one_live
                ON public.projection_generation (projection) WHERE state = 'live';
            CREATE UNIQUE INDEX IF NOT EXISTS projection_generation_one_rebuild
                ON public.projection_generation (projection) WHERE state IN ('requested', 'building');
            -- counts the administrators' repairs of a generation that its leader must reload for (a skipped gap)
            ALTER TABLE public.projection_generation ADD COLUMN IF NOT EXISTS repairs bigint NOT NULL DEFAULT 0;
            """ + AdminActions.DDL;

    static final String BOOKKEEPING_DDL = """
            CREATE TABLE IF NOT EXISTS consumer_offset (
                topic       text   NOT NULL,
                partition   int    NOT NULL,
                next_offset bigint NOT NULL,
                PRIMARY KEY (topic, partition)
            );
            CREATE TABLE IF NOT EXISTS consumer_stream (
                source    text   NOT NULL,
                stream_id text   NOT NULL,
                version   bigint NOT NULL,
                PRIMARY KEY (source, stream_id)
            ) WITH (fillfactor = 70); -- room on each page: a new version is a HOT update, the index untouched
            CREATE TABLE IF NOT EXISTS consumer_parked (
                topic      text        NOT NULL,
                partition  int         NOT NULL,
                "offset"   bigint      NOT NULL,
                record_key text,
                type       text,
                subject    text,
                reason     text        NOT NULL,
                headers    jsonb       NOT NULL,
                value      bytea,
                parked_at  timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (topic, partition, "offset")
            );
            CREATE TABLE IF NOT EXISTS consumer_gap (
                source           text        NOT NULL,
                stream_id        text        NOT NULL,
                expected_version bigint      NOT NULL,
                found_version    bigint      NOT NULL,
                topic            text        NOT NULL,
                partition        int         NOT NULL,
                "offset"         bigint      NOT NULL,
                first_seen       timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (source, stream_id)
            );
            -- how an administrator names a parked record or a gap to repair it
            ALTER TABLE consumer_parked ADD COLUMN IF NOT EXISTS id bigint GENERATED ALWAYS AS IDENTITY;
            ALTER TABLE consumer_gap ADD COLUMN IF NOT EXISTS id bigint GENERATED ALWAYS AS IDENTITY;
            """;

    private ProjectionTables() {}

    static String schema(String projection, int generation) {
        return projection + "_g" + generation;
    }
}
