package org.csp.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects field violations of a request body, then fails once with all of them. */
public final class Validation {

    private final List<FieldViolation> violations = new ArrayList<>();
    private final Integer row;

    /** Validates one request body. */
    public Validation() {
        this(null);
    }

    private Validation(Integer row) {
        this.row = row;
    }

    /** Validates a request {@code body}: a missing one (null) is refused at once. */
    public static Validation of(Object body) {
        if (body == null) {
            throw missingBody();
        }
        return new Validation();
    }

    /** Validates one row of a batch: each violation names the row (1 for the first). */
    public static Validation ofRow(int row) {
        return new Validation(row);
    }

    /** What was found so far. */
    public List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    public Validation require(boolean ok, String field, String message) {
        if (!ok) {
            violations.add(new FieldViolation(row, field, message));
        }
        return this;
    }

    /** Required non-blank text of at most {@code max} characters. */
    public String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(row, field, "is required"));
            return null;
        }
        if (value.length() > max) {
            violations.add(new FieldViolation(row, field, "must be at most " + max + " characters"));
            return null;
        }
        String unreadable = TextRules.unreadable(value);
        if (unreadable != null) {
            violations.add(new FieldViolation(row, field, "must not contain " + unreadable));
            return null;
        }
        return value.strip();
    }

    /** Optional text of at most {@code max} characters; null when absent. */
    public String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, field, max);
    }

    /**
     * Required text that partners or the public may see: as {@link #text}, and it must not identify a person (no
     * e-mail address, UK telephone number or full postcode, see {@link PersonalData}).
     */
    public String publicText(String value, String field, int max) {
        return personalDataFree(text(value, field, max), field);
    }

    /** Optional text that partners or the public may see; null when absent. */
    public String optionalPublicText(String value, String field, int max) {
        return personalDataFree(optionalText(value, field, max), field);
    }

    private String personalDataFree(String text, String field) {
        String found = PersonalData.find(text);
        if (found != null) {
            violations.add(new FieldViolation(
                    row,
                    field,
                    "must not contain personal data (it holds " + found
                            + "); keep personal details in the agencies' own case systems"));
            return null;
        }
        return text;
    }

    /**
     * The entries of an optional list (none when it is absent), at most {@code max} of them: a longer list is a
     * violation, and only its first {@code max} entries are returned to be checked.
     */
    public <T> List<T> atMost(List<T> values, String field, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            violations.add(new FieldViolation(row, field, "must have at most " + max + " entries"));
            return values.subList(0, max);
        }
        return values;
    }

    /**
     * Parses a required value written in at most {@code max} characters: a longer one is refused before it is parsed
     * (or stripped), so that no text a client sends keeps a parser busy.
     */
    public <T> T parse(String value, String field, int max, Function<String, T> parser, String expected) {
        if (value != null && value.length() > max) {
            violations.add(new FieldViolation(row, field, "must be " + expected + ", at most " + max + " characters"));
            return null;
        }
        return parse(value, field, parser, expected);
    }

    /** Parses a required value; a parser returning null or throwing means invalid. */
    public <T> T parse(String value, String field, Function<String, T> parser, String expected) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(row, field, "is required (" + expected + ")"));
            return null;
        }
        try {
            T parsed = parser.apply(value.strip());
            if (parsed == null) {
                violations.add(new FieldViolation(row, field, "must be " + expected));
            }
            return parsed;
        } catch (RuntimeException e) {
            violations.add(new FieldViolation(row, field, "must be " + expected));
            return null;
        }
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** A request without a body. */
    public static ProblemException missingBody() {
        return new ProblemException(
                400, "malformed-body", "The request body is missing", "Send a JSON object as the request body.");
    }
}
