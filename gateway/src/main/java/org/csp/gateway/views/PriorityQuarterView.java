package org.csp.gateway.views;

import java.time.LocalDate;
import org.csp.gateway.views.QuarterView.AsAt;
import org.csp.gateway.views.QuarterView.ReviewState;

/** One priority's page of the quarterly view ({@code GET /api/views/quarterly/2024-25-Q2/priorities/1}). */
public record PriorityQuarterView(
        String partnership,
        String quarter,
        LocalDate from,
        LocalDate to,
        AsAt asAt,
        ReviewState review,
        PriorityView priority) {}
