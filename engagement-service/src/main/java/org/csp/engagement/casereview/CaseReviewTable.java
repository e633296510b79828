package org.csp.engagement.casereview;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.csp.eventsourcing.StateJson;

/**
 * The query table behind {@code GET /api/case-reviews}: each review's folded state (its free text sealed, as in the
 * events) and its key, when the key still exists. Written in the same transaction as each append; derived, so it
 * can be rebuilt from the events at any time.
 */
final class CaseReviewTable {

    /** Bump when {@link CaseReview} changes shape: the next start refills the table from the events. 2: a state per stage. */
    static final int FORMAT = 2;

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS case_review (
                partnership_id text   NOT NULL,
                case_reference text   NOT NULL,
                version        bigint NOT NULL,
                status         text   NOT NULL,
                received_on    date   NOT NULL,
                closed_on      date,
                state          jsonb  NOT NULL,
                PRIMARY KEY (partnership_id, case_reference))""";

    /** One review with its stream version and its key (without bytes once destroyed). */
    record CaseReviewRow(CaseReview state, long version, CaseReviewKeys.Key key) {}

    private CaseReviewTable() {}

    static Uni<Void> upsert(SqlClient tx, String partnershipId, CaseReview state, long version) {
        CaseReview.Application application = state.reached().application();
        LocalDate closedOn =
                state instanceof CaseReview.Closed closed ? closed.closure().closedOn() : null;
        return tx.preparedQuery("""
                        INSERT INTO case_review (partnership_id, case_reference, version, status, received_on, closed_on, state)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)
                        ON CONFLICT (partnership_id, case_reference) DO UPDATE SET version = excluded.version,
                            status = excluded.status, received_on = excluded.received_on, closed_on = excluded.closed_on,
                            state = excluded.state""")
                .execute(Tuple.tuple()
                        .addString(partnershipId)
                        .addString(application.caseReference())
                        .addLong(version)
                        .addString(state.status())
                        .addLocalDate(application.receivedOn())
                        .addLocalDate(closedOn)
                        .addValue(StateJson.write(state)))
                .replaceWithVoid();
    }

    /** The partnership's reviews (one, when {@code caseReference} is given), oldest application first. */
    static Uni<List<CaseReviewRow>> list(SqlClient client, String partnershipId, String caseReference) {
        return client.preparedQuery("""
                        SELECT r.version, r.state, k.key FROM case_review r
                          LEFT JOIN case_review_key k ON k.partnership_id = r.partnership_id AND k.case_reference = r.case_reference
                         WHERE r.partnership_id = $1 AND ($2::text IS NULL OR r.case_reference = $2)
                         ORDER BY r.received_on, r.case_reference""")
                .execute(Tuple.of(partnershipId, caseReference))
                .map(rows -> {
                    List<CaseReviewRow> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        CaseReview state = StateJson.read(row.getJsonObject("state"), CaseReview.class);
                        String reference = state.reached().application().caseReference();
                        byte[] key = row.getBuffer("key") == null
                                ? null
                                : row.getBuffer("key").getBytes();
                        list.add(new CaseReviewRow(
                                state, row.getLong("version"), new CaseReviewKeys.Key(partnershipId, reference, key)));
                    }
                    return list;
                });
    }
}
