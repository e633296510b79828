package org.csp.plan.element;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.csp.problem.Validation;

/** Indicator codes as the measures-service catalogue writes them ({@code ASB-INCIDENTS}). */
public final class IndicatorCodes {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

    private IndicatorCodes() {}

    /** The codes, checked and without repeats; an absent list is empty. */
    public static List<String> validate(Validation v, List<String> codes, String field) {
        if (codes == null) {
            return List.of();
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            boolean ok =
                    code != null && code.length() <= 60 && CODE.matcher(code).matches();
            v.require(ok, field + "[" + i + "]", "must be an indicator code such as ASB-INCIDENTS");
            if (ok) {
                valid.add(code);
            }
        }
        v.require(new LinkedHashSet<>(valid).size() == valid.size(), field, "must not repeat a code");
        return List.copyOf(new LinkedHashSet<>(valid));
    }
}
