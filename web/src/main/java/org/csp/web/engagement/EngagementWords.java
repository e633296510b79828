package org.csp.web.engagement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.csp.web.display.Tag;

/**
 * engagement-service's codes in words: the kinds of activity, the stages of a consultation and of a case review, and
 * dates as GOV.UK writes them. A code this table does not know is shown as it came, never dropped.
 */
public final class EngagementWords {

    /** The kinds of activity the service records, in the order the form offers them, with their words. */
    static final Map<String, String> TYPES = types();

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private EngagementWords() {}

    private static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("public-event", "Public event");
        types.put("workshop", "Workshop");
        types.put("consultation", "Consultation");
        types.put("survey", "Survey");
        types.put("school-presentation", "School presentation");
        types.put("neighbourhood-watch", "Neighbourhood watch meeting");
        types.put("hate-awareness-event", "Hate crime awareness event");
        types.put("media-campaign", "Press or social media campaign");
        types.put("community-payback-project", "Community payback project");
        types.put("partner-training", "Training for partners");
        types.put("checklist-completed", "Organisation completed the checklist");
        return Collections.unmodifiableMap(types);
    }

    public static String type(String code) {
        return code == null ? "Not recorded" : TYPES.getOrDefault(code, code);
    }

    /** A consultation's stage. */
    public static Tag consultation(String code) {
        if (code == null) {
            return new Tag("Not known", "govuk-tag--grey");
        }
        return switch (code) {
            case "open" -> new Tag("Open", "govuk-tag--blue");
            case "closed" -> new Tag("Closed", "govuk-tag--grey");
            case "results-published" -> new Tag("Results published", "govuk-tag--green");
            default -> new Tag(code, "govuk-tag--grey");
        };
    }

    /** A case review's stage: received, decided, meeting held, recommendations recorded or closed. */
    public static Tag caseReview(String code) {
        if (code == null) {
            return new Tag("Not known", "govuk-tag--grey");
        }
        return switch (code) {
            case "received" -> new Tag("Received", "govuk-tag--blue");
            case "decided" -> new Tag("Threshold decided", "govuk-tag--light-blue");
            case "meeting-held" -> new Tag("Review meeting held", "govuk-tag--purple");
            case "recommendations-recorded" -> new Tag("Recommendations recorded", "govuk-tag--yellow");
            case "closed" -> new Tag("Closed", "govuk-tag--grey");
            default -> new Tag(code, "govuk-tag--grey");
        };
    }

    /** How a case review ended. */
    public static String outcome(String code) {
        if (code == null) {
            return "Not closed";
        }
        return switch (code) {
            case "threshold-not-met" -> "Threshold not met";
            case "actions-agreed" -> "Actions agreed";
            case "no-further-action" -> "No further action";
            case "withdrawn" -> "Application withdrawn";
            default -> code;
        };
    }

    /** "14 August 2024"; {@code none} when there is no date. */
    public static String date(LocalDate date, String none) {
        return date == null ? none : date.format(DATE);
    }
}
