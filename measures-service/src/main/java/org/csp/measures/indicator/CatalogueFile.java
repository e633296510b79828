package org.csp.measures.indicator;

import java.util.List;
import org.csp.partnership.PartnershipRegistry;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The catalogue file format ({@code csp-indicators/2}): a partnership's indicators as one JSON document, each written
 * as the API's indicator request, with the source organisations they name. Read at start-up from the files
 * {@code csp.seed.indicators} lists (one may be of every partnership: the county core set), and imported by a
 * coordinator with {@code POST /api/indicators/import}. Field by field in {@code docs/catalogue-file.md}.
 */
public record CatalogueFile(
        @Schema(enumeration = FORMAT) String format,
        @Schema(maxLength = MAX_SOURCE) String source,

        @Schema(
                maxLength = PartnershipRegistry.MAX_ID_LENGTH,
                description = "The partnership's id, such as cotswold: the importing coordinator's")
        String partnership,

        @Schema(description = "true for the county core set, of every partnership: loaded at start-up only")
        Boolean everyPartnership,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = Note.class,
                maxItems = MAX_NOTES,
                description = "Every default or judgement applied, in words; at most " + MAX_NOTES)
        List<String> notes,

        @Schema(
                maxItems = MAX_ORGANISATIONS,
                description = "The source organisations the indicators name that the catalogue may not know yet, at"
                        + " most " + MAX_ORGANISATIONS)
        List<Organisation> organisations,

        @Schema(maxItems = MAX_INDICATORS, description = "The indicators, at most " + MAX_INDICATORS)
        List<IndicatorRequest> indicators) {

    public static final String FORMAT = "csp-indicators/2";
    public static final int MAX_SOURCE = 1000;
    public static final int MAX_NOTES = 100;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_ORGANISATIONS = 200;
    public static final int MAX_ORGANISATION_NAME = 200;
    /** The most indicators of one file: several times what a three-year plan measures. */
    public static final int MAX_INDICATORS = 500;

    /** A note as the OpenAPI document shows it. */
    @Schema(name = "CatalogueFileNote", type = SchemaType.STRING, maxLength = MAX_NOTE)
    public interface Note {}

    /** A source organisation: its id in the partnership's registry and its name. */
    public record Organisation(
            @Schema(
                    maxLength = IndicatorDefinitions.MAX_SOURCE,
                    description = "Lower-case words joined by hyphens, such as cotswold-district-council")
            String id,

            @Schema(maxLength = MAX_ORGANISATION_NAME) String name) {}
}
