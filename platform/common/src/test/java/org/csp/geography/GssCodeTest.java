package org.csp.geography;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GssCodeTest {

    @Test
    void theKindOfAreaIsReadFromTheEntity() {
        assertTrue(new GssCode("E05010975").isWard());
        assertTrue(new GssCode("E04000001").isParish());
        assertTrue(new GssCode("E07000082").isDistrict());
        assertTrue(new GssCode("E06000025").isDistrict());
        assertTrue(new GssCode("E10000013").isCounty());
        assertFalse(new GssCode("E10000013").isDistrict());
        assertEquals("E07", new GssCode("E07000082").entity());
        assertTrue(GssCode.isValid("W06000015"));
    }

    @Test
    void anythingElseIsNoCode() {
        for (String text :
                new String[] {"E0700008", "E070000822", "e07000082", "X07000082", " E07000082", "E07-00082", "", null
                }) {
            assertFalse(GssCode.isValid(text), String.valueOf(text));
            assertTrue(GssCode.parse(text).isEmpty(), String.valueOf(text));
        }
        assertThrows(IllegalArgumentException.class, () -> new GssCode("E0700008"));
    }
}
