package org.csp.web.county;

import java.util.List;
import org.csp.web.display.Tag;

/** Every partnership of the county side by side for a quarter: a column each, a row per indicator of the core set. */
public record CountyPage(
        String quarter,
        String quarterLabel,
        String county,
        List<Partnership> partnerships,
        List<Indicator> indicators) {

    /** A column: the partnership and its quarterly review's state in words. */
    public record Partnership(String id, String name, String review) {}

    public record Indicator(String code, String title, List<Cell> cells) {}

    /** A partnership's figure for the indicator, in words, with its RAG as a tag (words, never colour alone). */
    public record Cell(String value, Tag rag) {}
}
