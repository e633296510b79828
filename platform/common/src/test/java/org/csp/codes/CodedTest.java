package org.csp.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodedTest {

    enum Status implements Coded {
        ON_TRACK,
        AT_RISK
    }

    @Test
    void constantsAreWrittenInKebabCase() {
        assertEquals("on-track", Status.ON_TRACK.code());
        assertEquals(List.of("on-track", "at-risk"), Coded.codes(Status.class));
    }

    @Test
    void codesAreReadBackExactly() {
        assertEquals(Status.AT_RISK, Coded.of(Status.class, "at-risk"));
        assertNull(Coded.of(Status.class, "AT_RISK"));
        assertNull(Coded.of(Status.class, null));
    }
}
