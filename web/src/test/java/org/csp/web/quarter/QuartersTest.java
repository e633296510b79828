package org.csp.web.quarter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.csp.calendar.FinancialQuarter;
import org.csp.web.errors.PageNotFound;
import org.junit.jupiter.api.Test;

class QuartersTest {

    @Test
    void the_latest_quarter_is_the_last_one_that_has_ended() {
        assertEquals(new FinancialQuarter(2024, 2), Quarters.latestEnded(LocalDate.of(2024, 10, 1)));
        assertEquals(new FinancialQuarter(2024, 2), Quarters.latestEnded(LocalDate.of(2024, 12, 31)));
        assertEquals(new FinancialQuarter(2023, 4), Quarters.latestEnded(LocalDate.of(2024, 4, 1)));
    }

    @Test
    void an_address_names_a_quarter_in_one_form_only() {
        assertEquals(new FinancialQuarter(2024, 2), Quarters.parse("2024-25-Q2"));
        assertThrows(PageNotFound.class, () -> Quarters.parse("2024/25 Q2"));
        assertThrows(PageNotFound.class, () -> Quarters.parse("2024-25-Q5"));
        assertThrows(PageNotFound.class, () -> Quarters.parse("2024-26-Q1"));
    }
}
