package org.csp.partnership;

import java.util.List;

/**
 * The partnerships file as written ({@code partnerships/gloucestershire.json}, format {@value #FORMAT}): the county
 * board and the district partnerships it draws figures from. Read by {@link PartnershipRegistry}, which checks it.
 */
public record PartnershipFile(String format, Board county, List<Entry> partnerships) {

    public static final String FORMAT = "csp-partnerships/1";

    /** The county board: its id, name, the county it covers and the county's GSS code. */
    public record Board(String id, String name, String area, String gss) {}

    /** A district's partnership: its id (as tokens and URLs name it), name, district and the district's GSS code. */
    public record Entry(String id, String name, String district, String gss) {}
}
