package org.csp.web.publicfigures;

import java.util.List;

/** The public figures of a quarter as the page shows them: a table per indicator, every cell in words. */
public record PublicFiguresPage(
        String quarter, String quarterLabel, String lastYearLabel, String about, List<Table> tables) {

    /** One indicator's table: a row per district, each followed by its wards. */
    public record Table(String code, String title, String caption, List<Row> rows, List<Note> notes) {}

    /** A district or ward; {@code ward} rows are indented under their district. */
    public record Row(String name, boolean ward, Cell quarter, Cell lastYear) {}

    /**
     * A cell: the count, or the words that stand for it ("Not shown"), with {@code note} the number of the note that
     * explains why (0: none).
     */
    public record Cell(String text, int note) {
        public boolean hasNote() {
            return note > 0;
        }
    }

    /** An explanation under a table, numbered as the cells refer to it. */
    public record Note(int number, String text) {}
}
