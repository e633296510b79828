package org.csp.eventsourcing;

/** An event ready to append: its explicit, versioned type string and its JSON payload. */
public record NewEvent(String type, String payload) {}
