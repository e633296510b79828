package org.csp.engagement.casereview;

import org.csp.codes.Coded;

/** How a case review ended. */
public enum CaseReviewOutcome implements Coded {
    /** The threshold was not met; the applicant was told why. */
    THRESHOLD_NOT_MET,
    /** The agencies agreed actions (the recommendations). */
    ACTIONS_AGREED,
    /** The review found the response adequate and no further action is needed. */
    NO_FURTHER_ACTION,
    /** The applicant withdrew the application. */
    WITHDRAWN;

    public static CaseReviewOutcome of(String code) {
        return Coded.of(CaseReviewOutcome.class, code);
    }

    public static String codes() {
        return String.join(", ", Coded.codes(CaseReviewOutcome.class));
    }
}
