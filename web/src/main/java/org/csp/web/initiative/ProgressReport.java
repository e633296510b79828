package org.csp.web.initiative;

/** A progress report as plan-service takes it ({@code POST /api/initiatives/{id}/progress}). */
public record ProgressReport(String quarter, String status, String rag, String commentary) {}
