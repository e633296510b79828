package org.csp.security;

/** Realm roles of the {@code csp} realm, as the services check them. */
public final class Roles {

    public static final String COORDINATOR = "coordinator";
    public static final String PRIORITY_LEAD = "priority-lead";
    public static final String ENGAGEMENT_OFFICER = "engagement-officer";
    public static final String PARTNER_AGENCY = "partner-agency";
    public static final String COUNTY_ANALYST = "county-analyst";
    public static final String VIEWER = "viewer";

    /** The {@code org} claim that partner-agency clients carry: the organisation a machine identity speaks for. */
    public static final String ORG_CLAIM = "org";

    private Roles() {
    }
}
