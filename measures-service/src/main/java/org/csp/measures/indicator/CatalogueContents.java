package org.csp.measures.indicator;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.csp.eventsourcing.EventTypes;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;
import org.csp.partnership.PartnershipRegistry;
import org.csp.problem.FieldViolation;
import org.csp.problem.ProblemException;
import org.csp.problem.Validation;

/**
 * A catalogue file checked as a whole for an import through the API: every indicator by the API's one validation
 * ({@link IndicatorDefinitions}), each problem named by its place in the file ({@code indicators[3].unit}); every source
 * an indicator names must be an organisation the partnership's catalogue knows or one the file lists.
 */
public record CatalogueContents(
        String partnershipId,
        String source,
        List<String> notes,
        Map<String, String> organisations,
        Map<String, IndicatorDefinition> indicators,
        String fileDigest) {

    private static final Pattern ORGANISATION_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * The file's contents, or a 422 listing every problem. {@code known}: the ids of the source organisations the
     * partnership's catalogue knows already.
     */
    public static CatalogueContents of(CatalogueFile file, Set<String> known) {
        if (file == null) {
            throw Validation.missingBody();
        }
        Validation v = new Validation();
        v.require(CatalogueFile.FORMAT.equals(file.format()), "format", "must be \"" + CatalogueFile.FORMAT + "\"");
        v.require(
                !Boolean.TRUE.equals(file.everyPartnership()),
                "everyPartnership",
                "a file of every partnership (the county core set) is loaded at start-up only; import a file that"
                        + " names your partnership");
        String partnershipId = v.parse(
                file.partnership(),
                "partnership",
                PartnershipRegistry.MAX_ID_LENGTH,
                id -> PartnershipRegistry.ID.matcher(id).matches() ? id : null,
                "the id of your partnership, such as 'cotswold'");
        String source = v.optionalPublicText(file.source(), "source", CatalogueFile.MAX_SOURCE);
        List<String> notes = new ArrayList<>();
        List<String> givenNotes = v.atMost(file.notes(), "notes", CatalogueFile.MAX_NOTES);
        for (int i = 0; i < givenNotes.size(); i++) {
            notes.add(v.publicText(givenNotes.get(i), "notes[" + i + "]", CatalogueFile.MAX_NOTE));
        }
        Map<String, String> organisations = organisations(v, file.organisations());
        Set<String> sources = new HashSet<>(known);
        sources.addAll(organisations.keySet());

        List<FieldViolation> problems = new ArrayList<>(v.violations());
        Map<String, IndicatorDefinition> indicators = new LinkedHashMap<>();
        Validation lists = new Validation();
        List<IndicatorRequest> entries = lists.atMost(file.indicators(), "indicators", CatalogueFile.MAX_INDICATORS);
        lists.require(!entries.isEmpty(), "indicators", "must list at least one indicator");
        problems.addAll(lists.violations());
        for (int i = 0; i < entries.size(); i++) {
            IndicatorRequest entry = entries.get(i);
            String at = "indicators[" + i + "]";
            if (entry == null) {
                problems.add(new FieldViolation(at, "must be an indicator object"));
                continue;
            }
            try {
                IndicatorDefinition definition = IndicatorDefinitions.validate(entry, sources);
                if (indicators.putIfAbsent(entry.code(), definition) != null) {
                    problems.add(new FieldViolation(at + ".code", "'" + entry.code() + "' is listed twice"));
                }
            } catch (ProblemException e) {
                e.violations().forEach(f -> problems.add(new FieldViolation(at + "." + f.field(), f.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new CatalogueContents(
                partnershipId, source, List.copyOf(notes), organisations, indicators, digest(file));
    }

    /** The file's organisations by id, in its order; each problem recorded in {@code v}. */
    private static Map<String, String> organisations(Validation v, List<CatalogueFile.Organisation> given) {
        Map<String, String> organisations = new LinkedHashMap<>();
        List<CatalogueFile.Organisation> entries = v.atMost(given, "organisations", CatalogueFile.MAX_ORGANISATIONS);
        for (int i = 0; i < entries.size(); i++) {
            CatalogueFile.Organisation o = entries.get(i);
            String at = "organisations[" + i + "]";
            if (o == null) {
                v.require(false, at, "must be an organisation object");
                continue;
            }
            String id = v.parse(
                    o.id(),
                    at + ".id",
                    IndicatorDefinitions.MAX_SOURCE,
                    text -> ORGANISATION_ID.matcher(text).matches() ? text : null,
                    "an id such as 'cotswold-district-council'");
            String name = v.publicText(o.name(), at + ".name", CatalogueFile.MAX_ORGANISATION_NAME);
            if (id != null && organisations.containsKey(id)) {
                v.require(false, at + ".id", "'" + id + "' is listed twice");
            } else if (id != null && name != null) {
                organisations.put(id, name);
            }
        }
        return organisations;
    }

    /** SHA-256 of the file as read: the same file imported again has the same digest. */
    private static String digest(CatalogueFile file) {
        try {
            byte[] content = EventTypes.JSON.writeValueAsBytes(file);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot digest a catalogue file", e);
        }
    }
}
