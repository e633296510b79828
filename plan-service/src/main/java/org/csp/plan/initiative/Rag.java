package org.csp.plan.initiative;

import java.util.Arrays;

/** Red / amber / green rating of an initiative's progress. */
public enum Rag {
    RED, AMBER, GREEN;

    public String code() {
        return name().toLowerCase();
    }

    public static Rag of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst().orElse(null);
    }
}
