package org.csp.eventsourcing;

/**
 * Fired once at start-up after the event table exists and before the relay starts. Services observe it to
 * create their query tables and load seed data; observers run synchronously and may block.
 */
public record EventStoreReady(EventStore store) {}
