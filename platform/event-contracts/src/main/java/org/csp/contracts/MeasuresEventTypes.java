package org.csp.contracts;

import java.util.List;

/**
 * The event types measures-service publishes on {@value #TOPIC}. "measure" in the data points' types is the name
 * this concept was first published under; it stays.
 */
public final class MeasuresEventTypes {

    public static final String TOPIC = "measures.events";
    public static final String SOURCE = "measures-service";

    /** Shipped first (flat); read as {@link #INDICATOR_DEFINED_V2}. */
    public static final String INDICATOR_DEFINED_V1 = "measures.indicator.defined.v1";

    /** Shipped in issue 9 (no public flag); read as {@link #INDICATOR_DEFINED_V3}, not public. */
    public static final String INDICATOR_DEFINED_V2 = "measures.indicator.defined.v2";
    /** Shipped in issue 9 (no public flag); read as {@link #INDICATOR_AMENDED_V2}, not public. */
    public static final String INDICATOR_AMENDED_V1 = "measures.indicator.amended.v1";
    /** An indicator joins the catalogue; its definition says whether its counts are public. */
    public static final String INDICATOR_DEFINED_V3 = "measures.indicator.defined.v3";
    /** The whole definition after a change, with the public flag. */
    public static final String INDICATOR_AMENDED_V2 = "measures.indicator.amended.v2";
    /** A data point's first figure. */
    public static final String DATA_POINT_RECORDED_V1 = "measures.measure.recorded.v1";
    /** A data point's different figure: a revision, with the reason and the previous value. */
    public static final String DATA_POINT_REVISED_V1 = "measures.measure.revised.v1";

    /** Shipped first (the group's average and limits only); read as {@link #COMPARATOR_RECORDED_V2}. */
    public static final String COMPARATOR_RECORDED_V1 = "measures.comparator.recorded.v1";
    /** A catalogue file was imported and changed something; the indicators' events follow it. */
    public static final String CATALOGUE_REVISED_V1 = "measures.catalogue.revised.v1";

    /** A family group's figures with the partnership's own figure, rank, group size and the source that imported them. */
    public static final String COMPARATOR_RECORDED_V2 = "measures.comparator.recorded.v2";

    /** A comparator source's column mapping (an iQuanta or MaiDen export) saved. */
    public static final String COMPARATOR_SOURCE_SAVED_V1 = "measures.comparator-source.saved.v1";

    /** Every type that is or ever was on the topic. */
    public static final List<String> ALL = List.of(
            INDICATOR_DEFINED_V1,
            INDICATOR_DEFINED_V2,
            INDICATOR_AMENDED_V1,
            DATA_POINT_RECORDED_V1,
            DATA_POINT_REVISED_V1,
            COMPARATOR_RECORDED_V1,
            CATALOGUE_REVISED_V1,
            COMPARATOR_RECORDED_V2,
            COMPARATOR_SOURCE_SAVED_V1,
            INDICATOR_DEFINED_V3,
            INDICATOR_AMENDED_V2);

    private MeasuresEventTypes() {}
}
