package org.csp.measures.geography;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.csp.geography.GeographyFile;
import org.csp.partnership.PartnershipRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The places figures are reported for, as GSS codes: the county, its districts and their wards, from the geography
 * data file ({@code geography/gloucestershire.json}). A figure belongs to the partnership whose district holds its
 * geography: each district's partnership is the one the partnerships file ({@link PartnershipRegistry}) gives it, and
 * the two files must agree (the same county, a partnership for every district, every partnership's district listed),
 * or the service does not start.
 */
@ApplicationScoped
public class Geographies {

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
            @ConfigProperty(name = "csp.geography.file", defaultValue = GeographyFile.RESOURCE) String file,
            PartnershipRegistry partnerships) {
        GeographyFile content = GeographyFile.read(json, file);
        String county = content.county().code();
        if (!county.equals(partnerships.county().gss().code())) {
            throw new IllegalStateException(file + " is of the county " + county + ", the partnerships file of "
                    + partnerships.county().gss().code());
        }
        add(new Geography(county, content.county().name(), Level.COUNTY, null, null, null));
        for (GeographyFile.District d : content.districts()) {
            String partnership = partnerships
                    .byDistrict(d.code())
                    .orElseThrow(() -> new IllegalStateException("The district " + d.code() + " of " + file
                            + " has no partnership in the partnerships file"))
                    .id();
            add(new Geography(d.code(), d.name(), Level.DISTRICT, county, d.code(), partnership));
            for (GeographyFile.Area ward : d.wards()) {
                add(new Geography(ward.code(), ward.name(), Level.WARD, d.code(), d.code(), partnership));
            }
        }
        for (PartnershipRegistry.Partnership p : partnerships.partnerships()) {
            if (districtOf(p.id()).isEmpty()) {
                throw new IllegalStateException("The partnership " + p.id() + " has no district in " + file);
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
