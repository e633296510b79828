package org.csp.measures.comparator.source;

import org.csp.codes.Coded;

/** Which tool an export comes from: iQuanta (Home Office / Police.uk), MaiDen (Office of the PCC), or another. */
public enum ExportFormat implements Coded {
    IQUANTA,
    MAIDEN,
    OTHER
}
