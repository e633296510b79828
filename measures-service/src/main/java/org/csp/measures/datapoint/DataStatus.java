package org.csp.measures.datapoint;

import org.csp.codes.Coded;

/** Whether the source may still revise a figure ("provisional", "final"). */
public enum DataStatus implements Coded {
    PROVISIONAL,
    FINAL;

    public static DataStatus of(String code) {
        return Coded.of(DataStatus.class, code);
    }
}
