package org.csp.web.display;

/**
 * A GOV.UK tag: its words and its colour ({@code govuk-tag--red}; empty for the default). The words always say what
 * the colour does, so nothing is told by colour alone.
 */
public record Tag(String text, String colour) {

    public String classes() {
        return colour.isEmpty() ? "govuk-tag" : "govuk-tag " + colour;
    }
}
