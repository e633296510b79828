package org.csp.measures.geography;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.csp.seed.SeedFiles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The places figures are reported for, as GSS codes: the county, its districts (each a partnership) and their wards,
 * from the geography data file ({@code geography/gloucestershire.json}). A figure belongs to the partnership whose
 * district holds its geography.
 */
@ApplicationScoped
public class Geographies {

    /** The data file's shape. */
    public record GeographyFile(String format, String source, Area county, List<District> districts) {

        public record Area(String code, String name) {}

        public record District(String code, String name, String partnership, List<Area> wards) {}
    }

    /**
     * A known place; {@code parent} is the place that holds it, {@code district} the district it is in, and with
     * {@code partnership} null for the county.
     */
    public record Geography(
            String code, String name, Level level, String parent, String district, String partnership) {}

    public enum Level implements org.csp.codes.Coded {
        COUNTY,
        DISTRICT,
        WARD
    }

    private final Map<String, Geography> byCode = new LinkedHashMap<>();

    public Geographies(
            ObjectMapper json,
            @ConfigProperty(name = "csp.geography.file", defaultValue = "geography/gloucestershire.json") String file) {
        GeographyFile content = SeedFiles.read(json, file, GeographyFile.class);
        if (!"csp-geography/1".equals(content.format())) {
            throw new IllegalStateException(file + " is not a csp-geography/1 file");
        }
        add(new Geography(content.county().code(), content.county().name(), Level.COUNTY, null, null, null));
        for (GeographyFile.District d : content.districts()) {
            add(new Geography(
                    d.code(), d.name(), Level.DISTRICT, content.county().code(), d.code(), d.partnership()));
            for (GeographyFile.Area ward : d.wards()) {
                add(new Geography(ward.code(), ward.name(), Level.WARD, d.code(), d.code(), d.partnership()));
            }
        }
    }

    private void add(Geography geography) {
        if (byCode.putIfAbsent(geography.code(), geography) != null) {
            throw new IllegalStateException("Geography " + geography.code() + " is listed twice");
        }
    }

    public Optional<Geography> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The district of a partnership: the geography its own figures are reported for. */
    public Optional<Geography> districtOf(String partnershipId) {
        return byCode.values().stream()
                .filter(g -> g.level() == Level.DISTRICT && g.partnership().equals(partnershipId))
                .findFirst();
    }

    /** {@code requested} when given (stripped), otherwise the partnership's district; null when there is neither. */
    public String placeOr(String partnershipId, String requested) {
        return requested == null || requested.isBlank()
                ? districtOf(partnershipId).map(Geography::code).orElse(null)
                : requested.strip();
    }

    /** Every known place, or those of one partnership (its district and wards), district first. */
    public List<Geography> list(String partnershipId) {
        List<Geography> list = new ArrayList<>();
        for (Geography g : byCode.values()) {
            if (partnershipId == null || partnershipId.equals(g.partnership())) {
                list.add(g);
            }
        }
        return list;
    }
}
