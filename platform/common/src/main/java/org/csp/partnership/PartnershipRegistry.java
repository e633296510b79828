package org.csp.partnership;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.csp.geography.GssCode;
import org.csp.seed.SeedFiles;

/**
 * The partnerships of the county, as data: a district's Community Safety Partnership by its id and its district's GSS
 * code, and the county board above them that pulls their figures. Another district is a line in the partnerships
 * file ({@value #RESOURCE}), never code. The file is checked whole when it is read: a mistake stops the start-up
 * naming it.
 */
public final class PartnershipRegistry {

    /** The partnerships file every service reads. */
    public static final String RESOURCE = "partnerships/gloucestershire.json";

    /** The longest partnership id. */
    public static final int MAX_ID_LENGTH = 40;

    /** A partnership's id: as the {@code partnership} claim and the {@code ?partnership=} parameter name it. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1," + (MAX_ID_LENGTH - 1) + "}");

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final CountyBoard county;
    private final Map<String, Partnership> byId;
    private final Map<String, Partnership> byDistrict;

    /** A district's partnership. */
    public record Partnership(String id, String name, String district, GssCode gss) {}

    /** The county board: Safer Gloucestershire, over Gloucestershire (E10000013). */
    public record CountyBoard(String id, String name, String area, GssCode gss) {}

    private PartnershipRegistry(CountyBoard county, List<Partnership> partnerships) {
        this.county = county;
        Map<String, Partnership> ids = new LinkedHashMap<>();
        Map<String, Partnership> districts = new LinkedHashMap<>();
        partnerships.forEach(p -> {
            ids.put(p.id(), p);
            districts.put(p.gss().code(), p);
        });
        this.byId = Collections.unmodifiableMap(ids);
        this.byDistrict = Collections.unmodifiableMap(districts);
    }

    /** The registry of the shipped partnerships file. */
    public static PartnershipRegistry load() {
        return of(SeedFiles.read(JSON, RESOURCE, PartnershipFile.class));
    }

    /** The registry of {@code file}; an {@link IllegalArgumentException} naming every mistake when it has any. */
    public static PartnershipRegistry of(PartnershipFile file) {
        List<String> mistakes = new ArrayList<>();
        if (!PartnershipFile.FORMAT.equals(file.format())) {
            mistakes.add("format must be " + PartnershipFile.FORMAT);
        }
        CountyBoard county = null;
        if (file.county() == null) {
            mistakes.add("county is missing");
        } else {
            PartnershipFile.Board b = file.county();
            GssCode gss = code(b.gss(), "county.gss", mistakes);
            if (gss != null && !gss.isCounty()) {
                mistakes.add("county.gss must be a county's code (E10): " + b.gss());
            }
            checkId(b.id(), "county.id", mistakes);
            county = new CountyBoard(
                    b.id(), text(b.name(), "county.name", mistakes), text(b.area(), "county.area", mistakes), gss);
        }
        List<Partnership> partnerships = new ArrayList<>();
        List<PartnershipFile.Entry> entries = file.partnerships() == null ? List.of() : file.partnerships();
        if (entries.isEmpty()) {
            mistakes.add("partnerships must list at least one partnership");
        }
        for (int i = 0; i < entries.size(); i++) {
            PartnershipFile.Entry e = entries.get(i);
            String at = "partnerships[" + i + "]";
            if (e == null) {
                mistakes.add(at + " is missing");
                continue;
            }
            checkId(e.id(), at + ".id", mistakes);
            GssCode gss = code(e.gss(), at + ".gss", mistakes);
            if (gss != null && !gss.isDistrict()) {
                mistakes.add(at + ".gss must be a district's code (E06 to E09): " + e.gss());
            }
            Partnership p = new Partnership(
                    e.id(),
                    text(e.name(), at + ".name", mistakes),
                    text(e.district(), at + ".district", mistakes),
                    gss);
            if (partnerships.stream().anyMatch(q -> q.id().equals(p.id()))) {
                mistakes.add(at + ".id repeats " + p.id());
            }
            if (gss != null && partnerships.stream().anyMatch(q -> gss.equals(q.gss()))) {
                mistakes.add(at + ".gss repeats " + gss.code());
            }
            if (county != null && p.id() != null && p.id().equals(county.id())) {
                mistakes.add(at + ".id is the county board's id");
            }
            partnerships.add(p);
        }
        if (!mistakes.isEmpty()) {
            throw new IllegalArgumentException("The partnerships file is not valid: " + String.join("; ", mistakes));
        }
        return new PartnershipRegistry(county, partnerships);
    }

    public CountyBoard county() {
        return county;
    }

    /** Every partnership, in the file's order. */
    public List<Partnership> partnerships() {
        return List.copyOf(byId.values());
    }

    public Optional<Partnership> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The partnership of the district whose GSS code is {@code gss}. */
    public Optional<Partnership> byDistrict(String gss) {
        return Optional.ofNullable(byDistrict.get(gss));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    private static void checkId(String id, String field, List<String> mistakes) {
        if (id == null || !ID.matcher(id).matches()) {
            mistakes.add(field + " must be a lower-case id such as 'stroud': " + id);
        }
    }

    private static GssCode code(String text, String field, List<String> mistakes) {
        Optional<GssCode> gss = GssCode.parse(text);
        if (gss.isEmpty()) {
            mistakes.add(field + " must be a GSS code: " + text);
        }
        return gss.orElse(null);
    }

    private static String text(String text, String field, List<String> mistakes) {
        if (text == null || text.isBlank()) {
            mistakes.add(field + " is missing");
        }
        return text;
    }
}
