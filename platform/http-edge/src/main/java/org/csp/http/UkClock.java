package org.csp.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.csp.calendar.UkCalendar;

/** The application's one {@link Clock}, in Europe/London: inject it wherever "today" or "now" is decided. */
@ApplicationScoped
public class UkClock {

    @Produces
    @Singleton
    Clock clock() {
        return UkCalendar.systemClock();
    }
}
