package org.csp.eventsourcing.admin;

import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an administrator's repair ({@code {"reason": "…"}}): why, required, at most 2000 characters. */
public record AdminReason(
        @Schema(required = true, maxLength = MAX_LENGTH, description = "Why: it is audited with who did it and when")
        String reason) {

    public static final int MAX_LENGTH = 2000;

    /** The reason, stripped; a 400 or 422 problem naming the field otherwise. */
    public static String validate(AdminReason body) {
        Validation v = Validation.of(body);
        String reason = v.text(body.reason(), "reason", MAX_LENGTH);
        v.throwIfInvalid();
        return reason;
    }
}
