package org.csp.problem;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What makes text unfit to take in, wherever it comes from (a field of a body, the body's bytes, an address): each
 * check answers with what it found ("a Unicode noncharacter (U+FFFE)") or null when the text is fine.
 */
public final class TextRules {

    private TextRules() {}

    /**
     * Control characters other than tab and line breaks (NUL among them), a lone half of a surrogate pair, which no
     * UTF-8 reader can render, and Unicode noncharacters (U+FDD0 to U+FDEF, and U+FFFE and U+FFFF of every plane),
     * which are not for interchange.
     */
    public static String unreadable(String value) {
        return unreadable(value, false);
    }

    /**
     * Bytes that are not UTF-8 (overlong forms, encoded surrogates and cut sequences included) or that decode to a
     * noncharacter.
     */
    public static String unreadableUtf8(byte[] bytes) {
        CharBuffer text;
        try {
            text = strictUtf8().decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return "bytes that are not UTF-8";
        }
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            if (noncharacter(c)) {
                return "a Unicode noncharacter (U+%04X)".formatted(c);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /**
     * An address (path and query, as sent) that holds, once its %-escapes are decoded, anything but UTF-8 text free
     * of control characters (tab and line breaks included), lone surrogates and noncharacters; or a broken %-escape.
     */
    public static String unreadableUri(String uri) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                if (i + 2 >= uri.length()
                        || Character.digit(uri.charAt(i + 1), 16) < 0
                        || Character.digit(uri.charAt(i + 2), 16) < 0) {
                    return "a broken %-escape";
                }
                bytes.write(Character.digit(uri.charAt(i + 1), 16) * 16 + Character.digit(uri.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        String decoded;
        try {
            decoded = strictUtf8().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return "bytes that are not UTF-8";
        }
        return unreadable(decoded, true);
    }

    private static String unreadable(String value, boolean noLineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\t' || c == '\n' || c == '\r';
            if ((c < 0x20 && (noLineBreaks || !lineBreak)) || (c >= 0x7f && c < 0xa0)) {
                return "control characters (U+%04X)".formatted((int) c);
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(i + 1));
                if (noncharacter(cp)) {
                    return "a Unicode noncharacter (U+%04X)".formatted(cp);
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                return "a lone surrogate (U+%04X)".formatted((int) c);
            } else if (noncharacter(c)) {
                return "a Unicode noncharacter (U+%04X)".formatted((int) c);
            }
        }
        return null;
    }

    private static boolean noncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
