package org.csp.plan.element;

import org.csp.problem.Validation;

/** The body of {@code POST …/{id}/retire}: why it leaves the plan. */
public record RetireRequest(String reason) {

    public static String validate(RetireRequest body) {
        Validation v = Validation.of(body);
        String reason = v.publicText(body.reason(), "reason", 2000);
        v.throwIfInvalid();
        return reason;
    }
}
