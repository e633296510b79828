package org.csp.measures.datapoint;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;
import org.csp.measures.datapoint.DataPointCommand.RecordFigure;
import org.csp.measures.datapoint.DataPointCommand.Submission;
import org.csp.measures.datapoint.DataPointEvent.DataPointRecorded;
import org.csp.measures.datapoint.DataPointEvent.DataPointRevised;

/**
 * A data point's current revision, and the pure rule for recording a figure: the first is recorded, a different one
 * is a revision, the same one changes nothing. Deciding needs only the current revision, which the data point query
 * table keeps, so a revision costs what a new point costs: no write replays a point's history.
 */
public record DataPoint(DataPointEvent current) {

    public static final Decider<DataPointCommand, DataPointEvent, DataPoint> DECIDER = new Decider<>() {
        @Override
        public DataPoint initialState() {
            return new DataPoint(null);
        }

        @Override
        public DataPoint evolve(DataPoint state, DataPointEvent event) {
            return new DataPoint(event);
        }

        @Override
        public List<DataPointEvent> decide(DataPointCommand command, DataPoint state) {
            return switch (command) {
                case RecordFigure record -> decideRecord(record.submission(), record.submittedBy(), state.current());
            };
        }
    };

    private static List<DataPointEvent> decideRecord(Submission s, String submittedBy, DataPointEvent current) {
        BigDecimal value = canonical(s.value());
        if (current == null) {
            return List.of(new DataPointRecorded(
                    s.indicatorCode(),
                    s.period().label(),
                    s.geography(),
                    value,
                    s.status().code(),
                    s.source(),
                    submittedBy,
                    1,
                    canonical(s.numerator()),
                    canonical(s.denominator())));
        }
        boolean same = current.value().compareTo(value) == 0
                && current.status().equals(s.status().code())
                && Objects.equals(current.numerator(), canonical(s.numerator()))
                && Objects.equals(current.denominator(), canonical(s.denominator()));
        if (same) {
            return List.of();
        }
        if (DataStatus.FINAL.code().equals(current.status()) && s.reason() == null) {
            throw CommandRejected.invalid(
                    "reason", "is required to revise a final figure (revision " + current.revision() + " is final)");
        }
        return List.of(new DataPointRevised(
                s.indicatorCode(),
                s.period().label(),
                s.geography(),
                s.source(),
                value,
                canonical(s.numerator()),
                canonical(s.denominator()),
                s.status().code(),
                s.reason(),
                current.value(),
                submittedBy,
                current.revision() + 1));
    }

    /** 12.50 is stored as 12.5 and 1.2E+1 as 12, so that equal values compare and serialise equally. */
    static BigDecimal canonical(BigDecimal value) {
        return org.csp.assessment.Aggregation.canonical(value);
    }
}
