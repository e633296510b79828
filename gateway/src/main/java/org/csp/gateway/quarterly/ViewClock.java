package org.csp.gateway.quarterly;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the quarterly projection stands, as the views built from it tag their answers: the live generation and the
 * tick of its change clock (every applied batch ticks it), and when it last ticked. Two reads at the same generation
 * and tick see the same data, so a view's entity tag is the two with what the request asked for
 * ({@link #etag}); {@code If-None-Match} on it is answered 304 before anything else is read.
 */
public record ViewClock(int generation, long tick, Instant changedAt) {

    private static final Pattern GENERATION = Pattern.compile(".*_g([0-9]+)");

    /** The clock of the generation {@code tx} reads (inside {@code ProjectionRunner.read}). */
    public static Uni<ViewClock> read(SqlConnection tx) {
        return tx.query("SELECT tick, changed_at, current_schema() AS schema FROM change_clock")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new ViewClock(
                            generation(row.getString("schema")),
                            row.getLong("tick"),
                            row.getOffsetDateTime("changed_at").toInstant().truncatedTo(ChronoUnit.SECONDS));
                });
    }

    private static int generation(String schema) {
        Matcher m = GENERATION.matcher(schema);
        if (!m.matches()) {
            throw new IllegalStateException("The quarterly projection's schema " + schema + " names no generation");
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * A strong tag: the same data ({@code generation-tick}), view format, request variant and representation give the
     * same bytes.
     */
    public String etag(String format, String variant, String representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((format + "|" + variant + "|" + representation).getBytes(StandardCharsets.UTF_8));
            return "\"" + generation + "-" + tick + "-" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether an If-None-Match header (a list of tags, weak or strong, or "*") names {@code etag}. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
