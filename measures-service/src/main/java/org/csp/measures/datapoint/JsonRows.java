package org.csp.measures.datapoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.csp.calendar.ReportingPeriod;
import org.csp.codes.Coded;
import org.csp.geography.GssCode;
import org.csp.measures.indicator.Figures;
import org.csp.measures.indicator.IndicatorDefinitions;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;

/**
 * Reads figures from JSON: a batch is an array of row objects, a single post one object. Each field must have its
 * JSON type (a number is a number, never text), so that nothing is silently coerced; what is wrong is reported per row.
 */
final class JsonRows {

    private JsonRows() {}

    /** The rows of a batch body, or a 400 when it is not an array of objects. */
    static List<RowInput> batch(JsonNode body, List<Validation> problems) {
        if (!body.isArray()) {
            throw new ProblemException(
                    400,
                    "malformed-body",
                    "The request body is malformed",
                    "A batch is a JSON array of data point rows: [{\"indicator\": …, \"period\": …, \"geography\": …, \"value\": …}].");
        }
        List<RowInput> rows = new ArrayList<>(body.size());
        int number = 0;
        for (JsonNode node : body) {
            number++;
            rows.add(row(node, number, problems));
        }
        return rows;
    }

    /** One row object; {@code row} numbers it in its batch. What is wrong with it is added to {@code problems}. */
    static RowInput row(JsonNode node, int row, List<Validation> problems) {
        Validation v = Validation.ofRow(row);
        problems.add(v);
        if (!node.isObject()) {
            v.require(false, "row", "must be an object");
            return new RowInput(row, null, null, null, null, null, null, null, null, null);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            v.require(RowInput.COLUMNS.contains(name), name, "is not a field of a data point " + RowInput.COLUMNS);
        }
        return new RowInput(
                row,
                text(node, "indicator", IndicatorDefinitions.MAX_CODE, v),
                text(node, "period", ReportingPeriod.MAX_LENGTH, v),
                text(node, "geography", GssCode.LENGTH, v),
                number(node, "value", v),
                number(node, "numerator", v),
                number(node, "denominator", v),
                text(node, "status", Coded.MAX_LENGTH, v),
                text(node, "source", IndicatorDefinitions.MAX_SOURCE, v),
                text(node, "reason", DataPointRules.MAX_REASON, v));
    }

    /** A text field of at most {@code max} characters, as the OpenAPI document gives it; null with a violation else. */
    private static String text(JsonNode row, String field, int max, Validation v) {
        JsonNode node = row.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        v.require(node.isTextual(), field, "must be text");
        if (node.isTextual() && node.textValue().length() > max) {
            v.require(false, field, "must be at most " + max + " characters");
            return null;
        }
        return node.isTextual() ? node.textValue() : null;
    }

    private static BigDecimal number(JsonNode row, String field, Validation v) {
        JsonNode node = row.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            v.require(false, field, "must be a number" + (node.isTextual() ? ", not text" : ""));
            return null;
        }
        if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
            v.require(false, field, "must be a finite number");
            return null;
        }
        return Figures.bounded(node.decimalValue(), field, v);
    }
}
