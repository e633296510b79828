package org.csp.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void noncharactersControlCharactersAndLoneSurrogatesAreUnreadableText() {
        assertEquals("a Unicode noncharacter (U+FFFE)", TextRules.unreadable("a\uFFFEb"));
        assertEquals("a Unicode noncharacter (U+FFFF)", TextRules.unreadable("\uFFFF"));
        assertEquals("a Unicode noncharacter (U+FDD0)", TextRules.unreadable("x\uFDD0"));
        assertEquals("a Unicode noncharacter (U+FDEF)", TextRules.unreadable("x\uFDEF"));
        assertEquals("a Unicode noncharacter (U+1FFFE)", TextRules.unreadable("x" + Character.toString(0x1FFFE)));
        assertEquals("a Unicode noncharacter (U+10FFFF)", TextRules.unreadable(Character.toString(0x10FFFF)));
        assertEquals("control characters (U+0000)", TextRules.unreadable("a\u0000b"));
        assertEquals("control characters (U+0085)", TextRules.unreadable("a\u0085b"));
        assertEquals("a lone surrogate (U+D800)", TextRules.unreadable("a\uD800b"));
        for (String fine : List.of("Café, 2024/25 Q2\tnotes\r\nmore", "emoji 😀", "\uFDCF\uFDF0\uFFFD", "Welsh: ŵ ŷ")) {
            assertNull(TextRules.unreadable(fine), fine);
        }
    }

    @Test
    void bytesThatAreNotUtf8OrDecodeToANoncharacterAreUnreadable() {
        for (String hex : List.of(
                "22c0af22", // overlong "/"
                "22e080af22", // overlong "/" in three bytes
                "22f08080af22", // and in four
                "22eda08022", // an encoded surrogate (CESU-8)
                "22e282", // cut short
                "22ff22")) {
            assertEquals(
                    "bytes that are not UTF-8",
                    TextRules.unreadableUtf8(HexFormat.of().parseHex(hex)),
                    hex);
        }
        assertEquals(
                "a Unicode noncharacter (U+FFFE)",
                TextRules.unreadableUtf8("{\"title\": \"a\uFFFE\"}".getBytes(StandardCharsets.UTF_8)));
        assertNull(TextRules.unreadableUtf8("{\"title\": \"Café 😀\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAddressIsReadAfterItsEscapesAreDecoded() {
        assertEquals("control characters (U+0000)", TextRules.unreadableUri("/api/initiatives/P1%0003"));
        assertEquals("control characters (U+000A)", TextRules.unreadableUri("/api/x?q=a%0Ab"));
        assertEquals("bytes that are not UTF-8", TextRules.unreadableUri("/api/initiatives/%C0%AF"));
        assertEquals("bytes that are not UTF-8", TextRules.unreadableUri("/api/x?q=%ED%A0%80"));
        assertEquals("a Unicode noncharacter (U+FFFE)", TextRules.unreadableUri("/api/x?q=%EF%BF%BE"));
        assertEquals("a broken %-escape", TextRules.unreadableUri("/api/x?q=100%"));
        assertEquals("a broken %-escape", TextRules.unreadableUri("/api/x?q=%zz"));
        assertNull(TextRules.unreadableUri("/api/engagements?quarter=2024%2F25%20Q2&place=E05010965"));
        assertNull(TextRules.unreadableUri("/api/x?q=caf%C3%A9+%F0%9F%98%80"));
    }
}
