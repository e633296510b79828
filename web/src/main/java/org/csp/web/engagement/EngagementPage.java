package org.csp.web.engagement;

import java.util.List;

/** An engagement activity's page: what was recorded, in words, and its "you said, we did" follow-ups. */
public record EngagementPage(
        String id,
        String title,
        String type,
        boolean withdrawn,
        String withdrawnReason,
        List<Field> fields,
        List<FollowUp> followUps,
        boolean recorded) {

    /** A row of a summary list. */
    public record Field(String key, String value) {}

    /** A follow-up: when, what the community said and what the partnership did. */
    public record FollowUp(String addedOn, String youSaid, String weDid) {}
}
