package org.csp.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The UK's time: what day it is for the partnership is decided in Europe/London, whatever zone a server runs in. Code
 * that needs today asks an injected {@link Clock} (one per application, in this zone) rather than the system.
 */
public final class UkCalendar {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** The length of a date as the API writes it: {@code 2024-08-14}. */
    public static final int DATE_LENGTH = 10;

    private UkCalendar() {}

    /** The system clock in Europe/London: what an application injects. */
    public static Clock systemClock() {
        return Clock.system(ZONE);
    }

    /** Today in the UK by {@code clock}, whatever zone the clock itself is in. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
