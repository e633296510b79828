package org.csp.plan.initiative;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Delivery status of an initiative, written in kebab case on the API and in events. */
public enum ProgressStatus {
    NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, COMPLETED;

    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    public static ProgressStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }

    public static String codes() {
        return Arrays.stream(values()).map(ProgressStatus::code).collect(Collectors.joining(", "));
    }
}
