package org.csp.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.csp.partnership.PartnershipRegistry;

/**
 * The application's one {@link PartnershipRegistry}, read from the partnerships file at start-up (a mistake in it
 * stops the start naming it): inject it wherever the county's partnerships, their districts or the county board are
 * needed.
 */
@ApplicationScoped
public class CountyPartnerships {

    @Produces
    @Singleton
    PartnershipRegistry registry() {
        return PartnershipRegistry.load();
    }
}
