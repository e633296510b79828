package org.csp.plan.initiative;

import org.csp.codes.Coded;

/** Delivery status of an initiative, written in kebab case on the API and in events. */
public enum ProgressStatus implements Coded {
    NOT_STARTED,
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    COMPLETED;

    public static ProgressStatus of(String code) {
        return Coded.of(ProgressStatus.class, code);
    }

    public static String codes() {
        return String.join(", ", Coded.codes(ProgressStatus.class));
    }
}
