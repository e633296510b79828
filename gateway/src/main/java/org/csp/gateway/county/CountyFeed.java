package org.csp.gateway.county;

import java.time.Instant;
import java.util.List;

/**
 * The county feed for a quarter as the JSON form carries it. {@code cursor}: what to send as {@code ?since=} next
 * time to get only the rows changed after this answer; {@code since}: the cursor this answer was asked from (null
 * for a full fetch); {@code lastModified}: when the figures behind the feed last changed.
 */
public record CountyFeed(
        String quarter,
        String level,
        String indicators,
        String county,
        String countyGss,
        String cursor,
        String since,
        Instant lastModified,
        List<FeedRow> rows) {}
