package org.csp.gateway.quarterly;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.csp.calendar.FinancialQuarter;
import org.csp.gateway.projection.ProjectedEvent;
import org.csp.gateway.projection.Projector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** Builds the quarterly partnership view from plan, measures and engagement events. */
@ApplicationScoped
public class QuarterlyViewProjector implements Projector {

    @Override
    public String ddl() {
        return """
                CREATE TABLE IF NOT EXISTS view_initiative (
                    partnership_id text NOT NULL, initiative_id text NOT NULL, priority int NOT NULL,
                    priority_title text NOT NULL, title text NOT NULL, lead_organisation text,
                    PRIMARY KEY (partnership_id, initiative_id));
                CREATE TABLE IF NOT EXISTS view_initiative_progress (
                    partnership_id text NOT NULL, initiative_id text NOT NULL, quarter text NOT NULL,
                    status text NOT NULL, rag text NOT NULL, commentary text, reported_at timestamptz NOT NULL,
                    PRIMARY KEY (partnership_id, initiative_id, quarter));
                CREATE TABLE IF NOT EXISTS view_indicator (
                    partnership_id text NOT NULL, code text NOT NULL, title text NOT NULL, priority int,
                    unit text, frequency text, polarity text,
                    PRIMARY KEY (partnership_id, code));
                CREATE TABLE IF NOT EXISTS view_measure (
                    partnership_id text NOT NULL, indicator_code text NOT NULL, geography text NOT NULL,
                    period text NOT NULL, quarter text, value numeric NOT NULL, status text, source text,
                    revision int NOT NULL,
                    PRIMARY KEY (partnership_id, indicator_code, geography, period));
                CREATE INDEX IF NOT EXISTS view_measure_quarter ON view_measure (partnership_id, quarter);
                CREATE TABLE IF NOT EXISTS view_engagement (
                    partnership_id text NOT NULL, engagement_id text NOT NULL, type text NOT NULL, title text NOT NULL,
                    date date NOT NULL, quarter text NOT NULL, attendance int,
                    PRIMARY KEY (partnership_id, engagement_id));
                CREATE INDEX IF NOT EXISTS view_engagement_quarter ON view_engagement (partnership_id, quarter)""";
    }

    @Override
    public List<String> tables() {
        return List.of("view_initiative", "view_initiative_progress", "view_indicator", "view_measure", "view_engagement");
    }

    @Override
    public Uni<Void> apply(SqlConnection tx, ProjectedEvent event) {
        JsonObject data = event.data();
        String p = event.partnershipId();
        return switch (event.type()) {
            case "plan.initiative.defined.v1" -> execute(tx, """
                            INSERT INTO view_initiative (partnership_id, initiative_id, priority, priority_title, title, lead_organisation)
                            VALUES ($1, $2, $3, $4, $5, $6)
                            ON CONFLICT (partnership_id, initiative_id) DO UPDATE SET priority = excluded.priority,
                                priority_title = excluded.priority_title, title = excluded.title,
                                lead_organisation = excluded.lead_organisation""",
                    Tuple.tuple().addString(p).addString(data.getString("initiativeId")).addInteger(data.getInteger("priority"))
                            .addString(data.getString("priorityTitle")).addString(data.getString("title"))
                            .addString(data.getString("leadOrganisation")));
            case "plan.initiative.updated.v1" -> execute(tx, """
                            INSERT INTO view_initiative_progress (partnership_id, initiative_id, quarter, status, rag, commentary, reported_at)
                            VALUES ($1, $2, $3, $4, $5, $6, $7)
                            ON CONFLICT (partnership_id, initiative_id, quarter) DO UPDATE SET status = excluded.status,
                                rag = excluded.rag, commentary = excluded.commentary, reported_at = excluded.reported_at""",
                    Tuple.tuple().addString(p).addString(data.getString("initiativeId")).addString(data.getString("quarter"))
                            .addString(data.getString("status")).addString(data.getString("rag"))
                            .addString(data.getString("commentary")).addOffsetDateTime(event.time().atOffset(ZoneOffset.UTC)));
            case "measures.indicator.defined.v1" -> execute(tx, """
                            INSERT INTO view_indicator (partnership_id, code, title, priority, unit, frequency, polarity)
                            VALUES ($1, $2, $3, $4, $5, $6, $7)
                            ON CONFLICT (partnership_id, code) DO UPDATE SET title = excluded.title, priority = excluded.priority,
                                unit = excluded.unit, frequency = excluded.frequency, polarity = excluded.polarity""",
                    Tuple.tuple().addString(p).addString(data.getString("code")).addString(data.getString("title"))
                            .addInteger(data.getInteger("priority")).addString(data.getString("unit"))
                            .addString(data.getString("frequency")).addString(data.getString("polarity")));
            case "measures.measure.recorded.v1" -> execute(tx, """
                            INSERT INTO view_measure (partnership_id, indicator_code, geography, period, quarter, value, status, source, revision)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                            ON CONFLICT (partnership_id, indicator_code, geography, period) DO UPDATE SET value = excluded.value,
                                status = excluded.status, source = excluded.source, revision = excluded.revision
                            WHERE view_measure.revision < excluded.revision""",
                    Tuple.tuple().addString(p).addString(data.getString("indicatorCode")).addString(data.getString("geography"))
                            .addString(data.getString("period")).addString(quarterOfPeriod(data.getString("period")))
                            .addValue(new BigDecimal(data.getValue("value").toString())).addString(data.getString("status"))
                            .addString(data.getString("source")).addInteger(data.getInteger("revision")));
            case "engagement.activity.recorded.v1" -> {
                LocalDate date = LocalDate.parse(data.getString("date"));
                yield execute(tx, """
                                INSERT INTO view_engagement (partnership_id, engagement_id, type, title, date, quarter, attendance)
                                VALUES ($1, $2, $3, $4, $5, $6, $7)
                                ON CONFLICT (partnership_id, engagement_id) DO UPDATE SET type = excluded.type,
                                    title = excluded.title, date = excluded.date, quarter = excluded.quarter,
                                    attendance = excluded.attendance""",
                        Tuple.tuple().addString(p).addString(data.getString("engagementId")).addString(data.getString("type"))
                                .addString(data.getString("title")).addLocalDate(date)
                                .addString(FinancialQuarter.of(date).label()).addInteger(data.getInteger("attendance")));
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    /** "2024-08" → "2024/25 Q2"; a quarter label stays itself; an annual period belongs to no quarter. */
    static String quarterOfPeriod(String period) {
        if (period.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return FinancialQuarter.of(YearMonth.parse(period)).label();
        }
        return FinancialQuarter.parse(period).map(FinancialQuarter::label).orElse(null);
    }

    private static Uni<Void> execute(SqlConnection tx, String sql, Tuple params) {
        return tx.preparedQuery(sql).execute(params).replaceWithVoid();
    }
}
