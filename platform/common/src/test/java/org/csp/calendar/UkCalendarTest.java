package org.csp.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class UkCalendarTest {

    /** 23:30 UTC on 31 March 2025 is already 1 April in London (BST): a new financial year there. */
    @Test
    void todayIsTheDayInLondonWhateverTheClocksZone() {
        Instant lateEvening = Instant.parse("2025-03-31T23:30:00Z");
        assertEquals(LocalDate.of(2025, 4, 1), UkCalendar.today(Clock.fixed(lateEvening, ZoneId.of("UTC"))));
        assertEquals(
                LocalDate.of(2025, 4, 1), UkCalendar.today(Clock.fixed(lateEvening, ZoneId.of("America/New_York"))));
        assertEquals(UkCalendar.ZONE, UkCalendar.systemClock().getZone());
    }
}
