package org.csp.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.csp.eventsourcing.CommandRejected;
import org.csp.eventsourcing.Decider;
import org.csp.eventsourcing.EventTypes;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The shared fixtures pass what is right and, above all, fail what is wrong. */
class TestFixturesTest {

    sealed interface Counted {
        record Added(int n) implements Counted {}
    }

    record Add(int n) {}

    /** Adds up to ten; more is refused as a whole, a negative number names the field. */
    private static final Decider<Add, Counted, Integer> COUNTER = new Decider<>() {
        @Override
        public Integer initialState() {
            return 0;
        }

        @Override
        public Integer evolve(Integer state, Counted event) {
            return switch (event) {
                case Counted.Added added -> state + added.n();
            };
        }

        @Override
        public List<Counted> decide(Add command, Integer state) {
            if (command.n() < 0) {
                throw CommandRejected.invalid("n", "must not be negative");
            }
            if (state + command.n() > 10) {
                throw new CommandRejected("too-many", "at most ten");
            }
            return command.n() == 0 ? List.of() : List.of(new Counted.Added(command.n()));
        }
    };

    private static final DeciderSpec<Add, Counted, Integer> SPEC = DeciderSpec.of(COUNTER);

    @Test
    void deciderSpecPassesWhatTheDeciderDoes() {
        SPEC.given(new Counted.Added(4)).when(new Add(3)).then(new Counted.Added(3));
        SPEC.given().when(new Add(0)).thenNothing();
        SPEC.given(new Counted.Added(9)).when(new Add(2)).thenRejected("too-many");
        SPEC.given().when(new Add(-1)).thenInvalid("n");
    }

    @Test
    void deciderSpecFailsWhatTheDeciderDoesNotDo() {
        assertThrows(
                AssertionFailedError.class, () -> SPEC.given().when(new Add(3)).then(new Counted.Added(4)));
        assertThrows(
                AssertionFailedError.class, () -> SPEC.given().when(new Add(3)).thenNothing());
        assertThrows(
                AssertionFailedError.class, () -> SPEC.given().when(new Add(3)).thenRejected("too-many"));
        assertThrows(
                AssertionFailedError.class,
                () -> SPEC.given(new Counted.Added(9)).when(new Add(2)).thenRejected("other"));
        assertThrows(
                AssertionFailedError.class, () -> SPEC.given().when(new Add(-1)).thenInvalid("m"));
        assertThrows(
                AssertionFailedError.class,
                () -> SPEC.given(new Counted.Added(9)).when(new Add(2)).thenInvalid("n"));
    }

    sealed interface Sample {
        record Happened(String id, LocalDate on) implements Sample {}
    }

    private static final EventTypes<Sample> PINNED = EventTypes.<Sample>builder()
            .register("test.sample.happened.v1", Sample.Happened.class)
            .build();

    @Test
    void pinnedJsonPassesTheApprovedShape() {
        PinnedJson.assertMatches(PINNED, "test.sample.happened.v1", new Sample.Happened("a", LocalDate.of(2024, 8, 1)));
        PinnedJson.assertEveryTypePinned(PINNED);
    }

    @Test
    void pinnedJsonFailsAnyOtherShapeOrAMissingFile() {
        assertThrows(
                AssertionFailedError.class,
                () -> PinnedJson.assertMatches(
                        PINNED, "test.sample.happened.v1", new Sample.Happened("b", LocalDate.of(2024, 8, 1))));
        assertThrows(
                AssertionFailedError.class,
                () -> PinnedJson.assertMatches(
                        PINNED, "test.sample.other.v1", new Sample.Happened("a", LocalDate.of(2024, 8, 1))));
        EventTypes<Sample> unpinned = EventTypes.<Sample>builder()
                .register("test.sample.unpinned.v1", Sample.Happened.class)
                .build();
        assertThrows(AssertionFailedError.class, () -> PinnedJson.assertEveryTypePinned(unpinned));
    }
}
