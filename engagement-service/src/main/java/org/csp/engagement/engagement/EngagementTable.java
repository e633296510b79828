package org.csp.engagement.engagement;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.csp.engagement.engagement.EngagementEvent.EngagementRecorded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The query table behind {@code GET /api/engagements}, written in the same transaction as each append. */
final class EngagementTable {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS engagement (
                partnership_id text   NOT NULL,
                engagement_id  text   NOT NULL,
                type           text   NOT NULL,
                title          text   NOT NULL,
                date           date   NOT NULL,
                place          text,
                priorities     int[]  NOT NULL,
                organisations  text[] NOT NULL,
                attendance     int,
                outcomes       text,
                PRIMARY KEY (partnership_id, engagement_id)
            );
            CREATE INDEX IF NOT EXISTS engagement_by_date ON engagement (partnership_id, date)""";

    /** One row of the table: an engagement record as the list shows it. */
    record EngagementRow(String id, String type, String title, LocalDate date, String place, List<Integer> priorities,
                         List<String> organisations, Integer attendance, String outcomes) {
    }

    private EngagementTable() {
    }

    static Uni<Void> insert(SqlClient tx, String partnershipId, EngagementRecorded r) {
        return tx.preparedQuery("""
                        INSERT INTO engagement (partnership_id, engagement_id, type, title, date, place, priorities,
                            organisations, attendance, outcomes)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.tuple().addString(partnershipId).addString(r.engagementId()).addString(r.type())
                        .addString(r.title()).addLocalDate(r.date()).addString(r.place())
                        .addArrayOfInteger(r.priorities().toArray(Integer[]::new))
                        .addArrayOfString(r.organisations().toArray(String[]::new))
                        .addInteger(r.attendance()).addString(r.outcomes()))
                .replaceWithVoid();
    }

    /** Records dated within [from, to], optionally of one type, oldest first. */
    static Uni<List<EngagementRow>> list(SqlClient client, String partnershipId, LocalDate from, LocalDate to, String type) {
        return client.preparedQuery("""
                        SELECT * FROM engagement
                        WHERE partnership_id = $1 AND ($2::date IS NULL OR date >= $2) AND ($3::date IS NULL OR date <= $3)
                          AND ($4::text IS NULL OR type = $4)
                        ORDER BY date, engagement_id""")
                .execute(Tuple.of(partnershipId, from, to, type))
                .map(rows -> {
                    List<EngagementRow> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(new EngagementRow(row.getString("engagement_id"), row.getString("type"),
                                row.getString("title"), row.getLocalDate("date"), row.getString("place"),
                                Arrays.asList(row.getArrayOfIntegers("priorities")),
                                Arrays.asList(row.getArrayOfStrings("organisations")),
                                row.getInteger("attendance"), row.getString("outcomes")));
                    }
                    return list;
                });
    }
}
