package org.csp.eventsourcing;

/**
 * A command that {@code decide} refuses given the current state: HTTP 409 with {@code reason} as problem type,
 * or 422 naming the offending field when the state makes a field's value unacceptable.
 */
public class CommandRejected extends RuntimeException {

    private final String reason;
    private final String field;

    public CommandRejected(String reason, String detail) {
        this(reason, detail, null);
    }

    private CommandRejected(String reason, String detail, String field) {
        super(detail);
        this.reason = reason;
        this.field = field;
    }

    /** The reason a decider gives when the command is about something that does not exist: a 404 at the edge. */
    public static final String NOT_DEFINED = "not-defined";

    /** The command is about something that does not exist ({@link Aggregate} answers 404). */
    public static CommandRejected notDefined(String detail) {
        return new CommandRejected(NOT_DEFINED, detail);
    }

    /** The state makes this field's value unacceptable (422). */
    public static CommandRejected invalid(String field, String message) {
        return new CommandRejected("validation-failed", message, field);
    }

    public String reason() {
        return reason;
    }

    /** The offending field, or null when the whole command conflicts with the state. */
    public String field() {
        return field;
    }
}
