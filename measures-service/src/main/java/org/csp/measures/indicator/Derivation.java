package org.csp.measures.indicator;

import java.util.List;
import org.csp.codes.Coded;

/**
 * Where a derived indicator's values come from: counted from the engagement records, or the perception figures of
 * published consultation results. Nobody posts them: measures-service derives them from {@code engagement.events}.
 */
public enum Derivation implements Coded {
    /** Engagement records of type workshop, per quarter of their start. */
    WORKSHOPS,
    /** Engagement records of type checklist-completed (one per organisation), per quarter. */
    CHECKLISTS,
    /** Distinct organisations named by community payback projects, per quarter. */
    COMMUNITY_PAYBACK_ORGANISATIONS,
    /** Distinct places of community payback projects, per quarter. */
    COMMUNITY_PAYBACK_AREAS,
    /** The percentage a published consultation result gives for the indicator, per period and geography. */
    CONSULTATION_RESULTS;

    public static Derivation of(String code) {
        return Coded.of(Derivation.class, code);
    }

    public static List<String> codes() {
        return Coded.codes(Derivation.class);
    }
}
