package org.csp.security;

import java.util.Set;

/** Realm roles of the {@code csp} realm, as the services check them. */
public final class Roles {

    public static final String COORDINATOR = "coordinator";
    public static final String PRIORITY_LEAD = "priority-lead";
    public static final String ENGAGEMENT_OFFICER = "engagement-officer";
    public static final String PARTNER_AGENCY = "partner-agency";
    public static final String COUNTY_ANALYST = "county-analyst";
    public static final String VIEWER = "viewer";

    /**
     * Runs the platform, not a partnership: the global endpoints (projection and relay status, rebuild and repair,
     * retention). Not a reader of any partnership's data.
     */
    public static final String ADMINISTRATOR = "administrator";

    /**
     * Whoever may read the partnership's data: a caller holding any of the six roles above is given this one too
     * (http-edge's {@code ReaderRole}), so that read endpoints name one role.
     */
    public static final String READER = "reader";

    /** The roles that make a caller a {@link #READER}. */
    public static final Set<String> READING_ROLES =
            Set.of(COORDINATOR, PRIORITY_LEAD, ENGAGEMENT_OFFICER, PARTNER_AGENCY, COUNTY_ANALYST, VIEWER);

    /** The {@code org} claim that partner-agency clients carry: the organisation a machine identity speaks for. */
    public static final String ORG_CLAIM = "org";

    private Roles() {}
}
