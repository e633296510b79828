package org.csp.web.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void every_rag_has_words_beside_its_colour() {
        assertEquals(new Tag("Red", "govuk-tag--red"), Words.rag("red"));
        assertEquals(new Tag("Amber", "govuk-tag--orange"), Words.rag("amber"));
        assertEquals(new Tag("Green", "govuk-tag--green"), Words.rag("green"));
        assertEquals(new Tag("Not rated", "govuk-tag--grey"), Words.rag("not-rated"));
        assertEquals(new Tag("Not rated", "govuk-tag--grey"), Words.rag(null));
    }

    @Test
    void a_code_the_table_does_not_know_is_shown_as_it_came() {
        assertEquals(new Tag("purple", "govuk-tag--grey"), Words.rag("purple"));
        assertEquals("sideways", Words.direction("sideways"));
    }

    @Test
    void figures_are_grouped_with_their_unit() {
        assertEquals("1,234", Words.figure(new BigDecimal("1234"), "count"));
        assertEquals("12.5%", Words.figure(new BigDecimal("12.50"), "percentage"));
        assertEquals("3.33 per 1,000", Words.figure(new BigDecimal("3.3333"), "rate-per-1000"));
        assertEquals("No figure", Words.figure(null, "count"));
    }

    @Test
    void the_change_on_last_year_is_told_in_words() {
        assertEquals("Down 108 (8.05%)", Words.change(new BigDecimal("-108"), new BigDecimal("-8.05"), "count"));
        assertEquals("Up 2.5%", Words.change(new BigDecimal("2.5"), null, "percentage"));
        assertEquals("No change", Words.change(BigDecimal.ZERO, BigDecimal.ZERO, "count"));
        assertEquals("", Words.change(null, null, "count"));
    }

    /** A view that leaves a code out (none to give) is shown in words, never a failed page. */
    @Test
    void aMissingCodeIsShownInWords() {
        assertEquals("Not rated", Words.rag(null).text());
        assertEquals("Not reported", Words.status(null).text());
        assertEquals("No report expected", Words.report(null).text());
        assertEquals("Review not opened", Words.review(null).text());
        assertEquals("Not assessed", Words.direction(null));
    }

    @Test
    void aPlacesIdReadsAsItsName() {
        assertEquals("Forest of Dean", Words.place("forest-of-dean"));
        assertEquals("Gloucestershire", Words.place("gloucestershire"));
        assertEquals("Stratford on Avon", Words.place("stratford-on-avon"));
    }
}
