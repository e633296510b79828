package org.csp.web.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** One figure as the indicator page's form posts it ({@code POST /api/indicators/{code}/data-points}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureRequest(
        String period, String geography, BigDecimal value, String status, String source, String reason) {}
