package org.csp.eventsourcing.cloudevents;

/** A Kafka record that is not one of our CloudEvents; {@code getMessage()} says why, for the parking table. */
public class UndecodableRecord extends Exception {

    public UndecodableRecord(String reason) {
        super(reason);
    }
}
