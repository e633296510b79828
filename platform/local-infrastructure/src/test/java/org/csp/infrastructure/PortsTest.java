package org.csp.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    /** 2,000 draws from some 28,000 ephemeral ports: the system repeats one almost surely; {@link Ports#free} never. */
    @Test
    void aFreePortIsNeverHandedOutTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ports.add(Ports.free());
        }
        assertEquals(2_000, ports.size());
    }
}
