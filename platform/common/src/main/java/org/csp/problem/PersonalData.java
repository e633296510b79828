package org.csp.problem;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds what identifies a person in text partners or the public may see: an e-mail address, a UK telephone number
 * (mobile or landline, national or +44) or a full UK postcode. A postcode district alone ({@code GL5}) and other
 * numbers (dates, counts, case references) are not personal data and pass.
 *
 * <p>Each counts only as a token of its own: a telephone number or postcode neither follows nor is followed by a
 * letter or digit, so the digits inside a UUID, a hash or a reference made of letters and digits
 * ({@code 4f03696405937a}) are never taken for one. Nor does a telephone number follow a digit and a colon, point or
 * comma: the seconds of a timestamp ({@code 10:15:07.444641761}) are none.
 */
public final class PersonalData {

    /** {@code possible}: a cheap test that must hold wherever the pattern can match, so most text skips the regex. */
    private record Kind(String name, Predicate<String> possible, Pattern pattern) {}

    private static final Predicate<String> AT =
            text -> text.indexOf('@') >= 0 || text.contains("(at)") || text.contains("[at]");
    private static final Predicate<String> DIGIT = text -> text.chars().anyMatch(c -> c >= '0' && c <= '9');

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "an e-mail address",
                    AT,
                    Pattern.compile(
                            "[A-Za-z0-9._%+-]+\\s*(@|\\(at\\)|\\[at\\])\\s*[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")),
            new Kind(
                    "a telephone number",
                    DIGIT,
                    Pattern.compile(
                            "(?<![\\p{L}\\p{N}+]|\\d[.,:])(\\+\\s*44|0044|0)[\\s\\-().]*[1-9]([\\s\\-().]*\\d){8,9}(?![\\p{L}\\p{N}])")),
            new Kind(
                    "a full postcode",
                    DIGIT,
                    Pattern.compile(
                            "(?i)(?<![\\p{L}\\p{N}])(GIR\\s?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?\\s*\\d[ABD-HJLNP-UW-Z]{2})(?![\\p{L}\\p{N}])")));

    private PersonalData() {}

    /** What personal data {@code text} holds ("an e-mail address"), or null when it holds none. */
    public static String find(String text) {
        if (text == null) {
            return null;
        }
        for (Kind kind : KINDS) {
            if (kind.possible().test(text) && kind.pattern().matcher(text).find()) {
                return kind.name();
            }
        }
        return null;
    }
}
