package org.csp.gateway.county;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The county feed as CSV (RFC 4180): UTF-8, one header row naming {@link FeedRow}'s columns in their documented order,
 * CRLF line ends, fields quoted where they hold a comma, quote or line break; an absent value is an empty field, a
 * list (sources that have not submitted) its items joined by ";", a time ISO 8601 in UTC.
 */
final class FeedCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final String CRLF = "\r\n";

    private static final CsvMapper CSV = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            // quote a field only where RFC 4180 needs it (a comma, quote or line break), not every text with a space
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private static final CsvSchema SCHEMA =
            CSV.schemaFor(FeedRow.class).withHeader().withLineSeparator(CRLF).withArrayElementSeparator(";");

    private FeedCsv() {}

    /** The header row's column names, in order. */
    static List<String> columns() {
        return List.copyOf(SCHEMA.getColumnNames());
    }

    static String write(List<FeedRow> rows) {
        if (rows.isEmpty()) {
            // the header alone (the column names need no quoting): no row changed since the cursor
            return String.join(",", columns()) + CRLF;
        }
        try {
            return CSV.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The county feed cannot be written as CSV", e);
        }
    }
}
