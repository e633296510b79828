package org.csp.plan.element;

import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST …/{id}/retire}: why it leaves the plan. */
public record RetireRequest(
        @Schema(maxLength = RetireRequest.MAX_REASON) String reason) {

    /** The longest reason, to retire a part or to reopen a review. */
    public static final int MAX_REASON = 2000;

    public static String validate(RetireRequest body) {
        Validation v = Validation.of(body);
        String reason = v.publicText(body.reason(), "reason", MAX_REASON);
        v.throwIfInvalid();
        return reason;
    }
}
