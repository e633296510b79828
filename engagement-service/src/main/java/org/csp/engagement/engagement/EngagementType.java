package org.csp.engagement.engagement;

import java.util.List;
import org.csp.codes.Coded;

/**
 * The kinds of community engagement the partnership records ("public-event", "workshop", …): a neighbourhood watch
 * meeting is {@code neighbourhood-watch}, a press or social media campaign {@code media-campaign}, an organisation
 * that completed the checklist {@code checklist-completed}.
 */
public enum EngagementType implements Coded {
    PUBLIC_EVENT,
    WORKSHOP,
    CONSULTATION,
    SURVEY,
    SCHOOL_PRESENTATION,
    NEIGHBOURHOOD_WATCH,
    HATE_AWARENESS_EVENT,
    MEDIA_CAMPAIGN,
    COMMUNITY_PAYBACK_PROJECT,
    PARTNER_TRAINING,
    CHECKLIST_COMPLETED;

    public static EngagementType of(String code) {
        return Coded.of(EngagementType.class, code);
    }

    public static List<String> codes() {
        return Coded.codes(EngagementType.class);
    }
}
