package org.csp.gateway.county;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.csp.geography.GeographyFile;
import org.csp.seed.SeedFiles;

/**
 * The county's reference data the feed names places and indicators by, read at start-up from the files every service
 * shares (platform/common): the geography file, and the county core set's codes from the catalogue file that
 * measures-service defines them from.
 */
@ApplicationScoped
public class CountyReference {

    /** The county core catalogue (format csp-indicators/2, {@code everyPartnership}). */
    public static final String CORE_RESOURCE = "indicators/county-core.json";

    /** The codes of the county core set, in the file's order. */
    public record CoreIndicators(List<String> codes) {
        public CoreIndicators {
            codes = List.copyOf(codes);
        }
    }

    @Produces
    @Singleton
    GeographyFile geography(ObjectMapper json) {
        return GeographyFile.read(json, GeographyFile.RESOURCE);
    }

    @Produces
    @Singleton
    CoreIndicators core(ObjectMapper json) {
        return coreOf(SeedFiles.read(json, CORE_RESOURCE, JsonNode.class));
    }

    /** The codes of a core catalogue file; one that is not the county core set stops the start naming it. */
    static CoreIndicators coreOf(JsonNode file) {
        if (!"csp-indicators/2".equals(file.path("format").asText())
                || !file.path("everyPartnership").asBoolean()) {
            throw new IllegalStateException(CORE_RESOURCE + " is not a csp-indicators/2 file for every partnership");
        }
        List<String> codes = new ArrayList<>();
        file.path("indicators").forEach(i -> codes.add(i.path("code").asText()));
        if (codes.isEmpty() || codes.stream().anyMatch(String::isBlank)) {
            throw new IllegalStateException(CORE_RESOURCE + " lists no indicator, or one without a code");
        }
        return new CoreIndicators(codes);
    }
}
