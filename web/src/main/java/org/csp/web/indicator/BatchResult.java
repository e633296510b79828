package org.csp.web.indicator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a CSV upload did ({@code POST /api/data-points/batch}): its rows, and of those the new, revised and unchanged. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchResult(int rows, int recorded, int revised, int unchanged) {}
