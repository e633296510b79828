package org.csp.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One current value of an indicator: a period (by its first day, and its label "2024-05", "2024/25 Q1" or "2024/25"),
 * the source organisation it came from and the value.
 */
public record Reading(String period, LocalDate firstDay, String source, BigDecimal value) {}
