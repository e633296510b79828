package org.csp.measures.datapoint;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.csp.measures.indicator.Figures;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;

/**
 * Reads a batch from CSV (RFC 4180: a header row naming the columns of {@link RowInput#COLUMNS} in any order, quoted
 * fields, UTF-8 with or without a byte order mark). An empty cell is an absent value; a cell longer than
 * {@value #MAX_CELL} characters is a row error and is not read further.
 */
public final class CsvRows {

    /** The longest cell read: a reason is at most 500 characters, every other column far less. */
    public static final int MAX_CELL = 1000;

    /** The media type of CSV bodies. */
    public static final String CSV_TYPE = "text/csv";

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private CsvRows() {}

    static List<RowInput> batch(byte[] body, List<Validation> problems) {
        List<String[]> records = records(body);
        if (records.isEmpty()) {
            throw malformed("A CSV batch starts with a header row naming its columns " + RowInput.COLUMNS + ".");
        }
        Map<String, Integer> columns = header(records.getFirst());
        List<RowInput> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            String[] record = records.get(i);
            Validation v = Validation.ofRow(i);
            problems.add(v);
            v.require(
                    record.length == columns.size(),
                    "row",
                    "has " + record.length + " fields; the header has " + columns.size());
            for (Map.Entry<String, Integer> column : columns.entrySet()) {
                if (column.getValue() < record.length && record[column.getValue()].length() > MAX_CELL) {
                    v.require(false, column.getKey(), "must be at most " + MAX_CELL + " characters");
                    record[column.getValue()] = "";
                }
            }
            rows.add(new RowInput(
                    i,
                    cell(record, columns, "indicator"),
                    cell(record, columns, "period"),
                    cell(record, columns, "geography"),
                    number(record, columns, "value", v),
                    number(record, columns, "numerator", v),
                    number(record, columns, "denominator", v),
                    cell(record, columns, "status"),
                    cell(record, columns, "source"),
                    cell(record, columns, "reason")));
        }
        return rows;
    }

    /**
     * The records of a CSV body, the header row first (UTF-8 with or without a byte order mark, empty lines skipped);
     * a 400 problem when it is not UTF-8 or not well-formed CSV.
     */
    public static List<String[]> records(byte[] body) {
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw malformed("The body is not well-formed CSV (RFC 4180)" + location(e) + ".");
        }
        return records;
    }

    /**
     * Whether a body of {@code contentType} is CSV; a 415 problem for CSV in any charset but UTF-8.
     */
    public static boolean isCsv(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith(CSV_TYPE) && type.contains("charset=") && !type.matches(".*charset=\"?utf-8\"?.*")) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported charset", "CSV bodies are UTF-8.");
        }
        return type.startsWith(CSV_TYPE);
    }

    /**
     * A 413 problem for a body over {@code maxBytes}, a 400 one for a missing body ({@code expected} says what to
     * send), before anything of it is read.
     */
    public static void requireBody(byte[] body, int maxBytes, String expected) {
        if (body != null && body.length > maxBytes) {
            throw new ProblemException(
                    413,
                    "payload-too-large",
                    "The request body is too large",
                    "The body has " + body.length + " bytes; at most " + maxBytes
                            + " are accepted. Nothing was stored.");
        }
        if (body == null || body.length == 0) {
            throw new ProblemException(400, "malformed-body", "The request body is missing", expected);
        }
    }

    private static Map<String, Integer> header(String[] names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            if (!RowInput.COLUMNS.contains(name)) {
                throw malformed(
                        "The header names an unknown column '" + name + "'; the columns are " + RowInput.COLUMNS + ".");
            }
            if (columns.put(name, i) != null) {
                throw malformed("The header names the column '" + name + "' twice.");
            }
        }
        for (String required : List.of("indicator", "period", "geography")) {
            if (!columns.containsKey(required)) {
                throw malformed("The header has no '" + required + "' column.");
            }
        }
        if (!columns.containsKey("value")
                && !(columns.containsKey("numerator") && columns.containsKey("denominator"))) {
            throw malformed("The header needs a 'value' column, or 'numerator' and 'denominator'.");
        }
        return columns;
    }

    private static String cell(String[] record, Map<String, Integer> columns, String name) {
        Integer at = columns.get(name);
        if (at == null || at >= record.length || record[at].isBlank()) {
            return null;
        }
        return record[at];
    }

    private static BigDecimal number(String[] record, Map<String, Integer> columns, String name, Validation v) {
        String cell = cell(record, columns, name);
        if (cell == null) {
            return null;
        }
        return Figures.parse(cell, name, v);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("The body is not UTF-8.");
        }
    }

    private static String location(Exception e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            return " at line " + j.getLocation().getLineNr();
        }
        return "";
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "malformed-body", "The request body is malformed", detail);
    }
}
