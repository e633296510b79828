package org.csp.engagement;

import org.csp.problem.Validation;

/**
 * A request field that older clients still send under a deprecated name: its value and the name it came under, so
 * that a validation error names the field the client actually sent. Sending both names is an error on the old one.
 */
public record Aliased<T>(T value, String field) {

    /** {@code value} sent as {@code field}, or {@code aliasValue} sent under the deprecated {@code alias}. */
    public static <T> Aliased<T> of(Validation v, String field, T value, String alias, T aliasValue) {
        if (aliasValue == null) {
            return new Aliased<>(value, field);
        }
        if (value != null) {
            v.require(false, alias, "is the deprecated name of " + field + ": send " + field + " alone");
            return new Aliased<>(value, field);
        }
        return new Aliased<>(aliasValue, alias);
    }
}
