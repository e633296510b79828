package org.csp.measures.datapoint;

import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;
import org.csp.measures.datapoint.DataPointCommand.RecordDataPoint;
import org.csp.measures.datapoint.DataPointEvent.DataPointRecorded;
import org.csp.measures.indicator.Frequency;
import org.csp.measures.indicator.IndicatorRules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A data point's revisions, folded from its events, and the pure rules for recording a value. */
public record DataPoint(List<DataPointRecorded> revisions) {

    public static final Decider<DataPointCommand, DataPointEvent, DataPoint> DECIDER = new Decider<>() {
        @Override
        public DataPoint initialState() {
            return new DataPoint(List.of());
        }

        @Override
        public DataPoint evolve(DataPoint state, DataPointEvent event) {
            return switch (event) {
                case DataPointRecorded recorded -> {
                    List<DataPointRecorded> revisions = new ArrayList<>(state.revisions());
                    revisions.add(recorded);
                    yield new DataPoint(List.copyOf(revisions));
                }
            };
        }

        @Override
        public List<DataPointEvent> decide(DataPointCommand command, DataPoint state) {
            return switch (command) {
                case RecordDataPoint record -> decideRecord(record, state);
            };
        }
    };

    private static List<DataPointEvent> decideRecord(RecordDataPoint command, DataPoint state) {
        IndicatorRules indicator = command.indicator();
        if (indicator == null) {
            throw new CommandRejected("indicator-not-defined", "'" + command.indicatorCode() + "' is not an indicator of the plan.");
        }
        Frequency frequency = indicator.frequency();
        if (command.period().kind() != frequency.period()) {
            throw CommandRejected.invalid("period", "must be " + expectedPeriod(frequency) + " for this "
                    + frequency.code() + " indicator");
        }
        if (command.period().firstDay().isAfter(command.today())) {
            throw CommandRejected.invalid("period", "must not be in the future");
        }
        String refused = indicator.unit().refuse(command.value());
        if (refused != null) {
            throw CommandRejected.invalid("value", refused);
        }
        if (command.source() == null || !indicator.sources().contains(command.source())) {
            throw CommandRejected.invalid("source", "must be one of the indicator's sources " + indicator.sources());
        }
        DataPointRecorded latest = state.latest();
        if (latest != null && latest.value().compareTo(command.value()) == 0
                && latest.status().equals(command.status().code()) && latest.source().equals(command.source())) {
            return List.of();
        }
        return List.of(new DataPointRecorded(indicator.code(), command.period().label(), command.geography(),
                canonical(command.value()),
                command.status().code(), command.source(), command.submittedBy(), state.revisions().size() + 1));
    }

    /** The current revision, or null when nothing has been recorded. */
    public DataPointRecorded latest() {
        return revisions.isEmpty() ? null : revisions.getLast();
    }

    /** 12.50 is stored as 12.5 and 1.2E+1 as 12, so that equal values compare and serialise equally. */
    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String expectedPeriod(Frequency frequency) {
        return switch (frequency) {
            case MONTHLY -> "a month such as \"2024-08\"";
            case QUARTERLY -> "a financial quarter such as \"2024/25 Q2\"";
            case ANNUAL -> "a financial year such as \"2024/25\"";
        };
    }
}
