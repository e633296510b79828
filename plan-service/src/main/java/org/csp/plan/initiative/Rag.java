package org.csp.plan.initiative;

import org.csp.codes.Coded;

/** Red / amber / green rating of an initiative's progress. */
public enum Rag implements Coded {
    RED,
    AMBER,
    GREEN;

    public static Rag of(String code) {
        return Coded.of(Rag.class, code);
    }
}
