package org.csp.eventsourcing;

import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Many rows in one statement: one array parameter per column, read back with {@code unnest}. Each column is declared
 * once, its name, SQL type and value together, and gives both the {@code unnest(…)} list and the matching parameter:
 *
 * <pre>{@code
 * Unnest<Row> u = Unnest.of(rows).text("code", Row::code).numeric("value", Row::value);
 * tx.preparedQuery("INSERT INTO t (" + u.columns() + ") SELECT * FROM " + u.as("u")).execute(u.parameters());
 * }</pre>
 *
 * @param <T> what one row is made from
 */
public final class Unnest<T> {

    private final Collection<T> rows;
    private final List<String> names = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<Object> arrays = new ArrayList<>();

    private Unnest(Collection<T> rows) {
        this.rows = rows;
    }

    public static <T> Unnest<T> of(Collection<T> rows) {
        return new Unnest<>(rows);
    }

    public Unnest<T> text(String column, Function<T, String> value) {
        return column(column, "text", value, String[]::new);
    }

    public Unnest<T> integer(String column, Function<T, Integer> value) {
        return column(column, "int", value, Integer[]::new);
    }

    public Unnest<T> bigint(String column, Function<T, Long> value) {
        return column(column, "bigint", value, Long[]::new);
    }

    public Unnest<T> numeric(String column, Function<T, BigDecimal> value) {
        return column(column, "numeric", value, BigDecimal[]::new);
    }

    public Unnest<T> bool(String column, Function<T, Boolean> value) {
        return column(column, "boolean", value, Boolean[]::new);
    }

    public Unnest<T> date(String column, Function<T, LocalDate> value) {
        return column(column, "date", value, LocalDate[]::new);
    }

    public Unnest<T> timestamptz(String column, Function<T, OffsetDateTime> value) {
        return column(column, "timestamptz", value, OffsetDateTime[]::new);
    }

    private <V> Unnest<T> column(String column, String type, Function<T, V> value, IntFunction<V[]> array) {
        names.add(column);
        types.add(type);
        arrays.add(rows.stream().map(value).toArray(array));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The column names in order, as an INSERT names them: {@code a, b, c}. */
    public String columns() {
        return String.join(", ", names);
    }

    /** {@code unnest($1::text[], $2::int[], …) AS alias(a, b, …)}: a table of the rows, for a FROM clause. */
    public String as(String alias) {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            parameters.add("$" + (i + 1) + "::" + types.get(i) + "[]");
        }
        return "unnest(" + String.join(", ", parameters) + ") AS " + alias + "(" + columns() + ")";
    }

    /** One array per column, in the order of {@link #as}'s parameters. */
    public Tuple parameters() {
        Tuple tuple = Tuple.tuple();
        arrays.forEach(tuple::addValue);
        return tuple;
    }
}
