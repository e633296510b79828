package org.csp.plan.element;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.csp.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Indicator codes as the measures-service catalogue writes them ({@code ASB-INCIDENTS}). */
public final class IndicatorCodes {

    /** The longest code. */
    public static final int MAX_LENGTH = 60;

    /** The most codes one list (of an initiative, an objective, a measure) names. */
    public static final int MAX_CODES = 100;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

    /** What the OpenAPI document says of a list of codes. */
    public static final String DESCRIPTION = "Indicator codes, at most " + MAX_CODES;

    /** A code as the OpenAPI document shows it. */
    @Schema(
            name = "IndicatorCode",
            type = SchemaType.STRING,
            maxLength = MAX_LENGTH,
            description = "An indicator code of the measures catalogue, such as ASB-INCIDENTS")
    public interface Code {}

    private IndicatorCodes() {}

    /** The codes, checked and without repeats; an absent list is empty. */
    public static List<String> validate(Validation v, List<String> given, String field) {
        List<String> codes = v.atMost(given, field, MAX_CODES);
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            boolean ok = code != null
                    && code.length() <= MAX_LENGTH
                    && CODE.matcher(code).matches();
            v.require(ok, field + "[" + i + "]", "must be an indicator code such as ASB-INCIDENTS");
            if (ok) {
                valid.add(code);
            }
        }
        v.require(new LinkedHashSet<>(valid).size() == valid.size(), field, "must not repeat a code");
        return List.copyOf(new LinkedHashSet<>(valid));
    }
}
