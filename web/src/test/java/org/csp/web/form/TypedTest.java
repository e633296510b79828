package org.csp.web.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TypedTest {

    @Test
    void aLineBreakCountsOnceAsThePersonTypedIt() {
        String sent = "First paragraph.\r\n\r\nSecond,\r\nand a third line.";
        String typed = Typed.text(sent);
        assertEquals("First paragraph.\n\nSecond,\nand a third line.", typed);
        assertEquals(sent.length() - 3, typed.length());
        assertNull(Typed.text(null));
    }
}
