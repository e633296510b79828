package org.csp.plan.organisation;

import org.csp.codes.Coded;

/** How an organisation sits in the partnership: a responsible authority, a co-opted member, or another partner. */
public enum OrganisationType implements Coded {
    RESPONSIBLE_AUTHORITY,
    CO_OPTED_MEMBER,
    OTHER;

    public static OrganisationType of(String code) {
        return Coded.of(OrganisationType.class, code);
    }

    public static String codes() {
        return String.join(", ", Coded.codes(OrganisationType.class));
    }
}
