package org.csp.measures.indicator;

import org.csp.codes.Coded;

/**
 * The finest geography an indicator is reported at ("district", "ward"): a ward-level indicator takes figures for
 * wards and for the whole district, a district-level one for the district only.
 */
public enum GeographyLevel implements Coded {
    DISTRICT,
    WARD;

    public static GeographyLevel of(String code) {
        return Coded.of(GeographyLevel.class, code);
    }
}
