package org.csp.plan.initiative;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.csp.calendar.FinancialQuarter;
import org.csp.plan.initiative.InitiativeEvent.InitiativeDefined;
import org.csp.plan.initiative.InitiativeEvent.ProgressUpdated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The query table behind {@code GET /api/initiatives}, updated in the same transaction as each append. */
final class InitiativeSummaryTable {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS initiative_summary (
                partnership_id    text   NOT NULL,
                initiative_id     text   NOT NULL,
                priority          int    NOT NULL,
                priority_title    text   NOT NULL,
                title             text   NOT NULL,
                lead_organisation text,
                start_date        date   NOT NULL,
                due_date          date   NOT NULL,
                latest_quarter    text,
                status            text,
                rag               text,
                version           bigint NOT NULL,
                PRIMARY KEY (partnership_id, initiative_id)
            )""";

    /** One row: an initiative with its latest reported quarter. */
    record InitiativeSummaryRow(String id, int priority, String priorityTitle, String title, String leadOrganisation,
                   String latestQuarter, String status, String rag, long version) {
    }

    private InitiativeSummaryTable() {
    }

    static Uni<Void> upsert(SqlClient tx, String partnershipId, Initiative state, long version) {
        InitiativeDefined d = state.definition();
        ProgressUpdated latest = state.progressByQuarter().values().stream()
                .max(Comparator.comparing(p -> FinancialQuarter.parse(p.quarter()).orElseThrow()))
                .orElse(null);
        return tx.preparedQuery("""
                        INSERT INTO initiative_summary (partnership_id, initiative_id, priority, priority_title, title,
                            lead_organisation, start_date, due_date, latest_quarter, status, rag, version)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                        ON CONFLICT (partnership_id, initiative_id) DO UPDATE SET
                            priority = excluded.priority, priority_title = excluded.priority_title, title = excluded.title,
                            lead_organisation = excluded.lead_organisation, start_date = excluded.start_date,
                            due_date = excluded.due_date, latest_quarter = excluded.latest_quarter,
                            status = excluded.status, rag = excluded.rag, version = excluded.version""")
                .execute(Tuple.tuple().addString(partnershipId).addString(d.initiativeId()).addInteger(d.priority())
                        .addString(d.priorityTitle()).addString(d.title()).addString(d.leadOrganisation())
                        .addLocalDate(d.start()).addLocalDate(d.due())
                        .addString(latest == null ? null : latest.quarter())
                        .addString(latest == null ? null : latest.status())
                        .addString(latest == null ? null : latest.rag())
                        .addLong(version))
                .replaceWithVoid();
    }

    static Uni<List<InitiativeSummaryRow>> list(SqlClient client, String partnershipId) {
        return client.preparedQuery("""
                        SELECT * FROM initiative_summary WHERE partnership_id = $1
                        ORDER BY priority, initiative_id""")
                .execute(Tuple.of(partnershipId))
                .map(rows -> {
                    List<InitiativeSummaryRow> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(new InitiativeSummaryRow(row.getString("initiative_id"), row.getInteger("priority"),
                                row.getString("priority_title"), row.getString("title"), row.getString("lead_organisation"),
                                row.getString("latest_quarter"), row.getString("status"), row.getString("rag"),
                                row.getLong("version")));
                    }
                    return list;
                });
    }
}
