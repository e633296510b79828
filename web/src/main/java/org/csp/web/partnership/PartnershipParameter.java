package org.csp.web.partnership;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Every call to the gateway about a partnership names the one a person serving several has chosen
 * ({@code ?partnership=}); a person of one partnership's calls are left as they are (their token names it). The
 * county feed spans partnerships and the public figures are asked for by name: neither is touched.
 */
@Provider
public class PartnershipParameter implements ClientRequestFilter {

    private final Instance<PartnershipChoice> choice;

    public PartnershipParameter(Instance<PartnershipChoice> choice) {
        this.choice = choice;
    }

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        if (!named(uri)) {
            return;
        }
        String chosen = choice.get().chosen();
        if (chosen != null) {
            request.setUri(
                    UriBuilder.fromUri(uri).queryParam("partnership", chosen).build());
        }
    }

    /** Whether a call is about one partnership and does not name it yet. */
    static boolean named(URI uri) {
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        return path.startsWith("/api/")
                && !path.startsWith("/api/feeds/")
                && !path.startsWith("/api/public")
                && (query == null || !("&" + query).contains("&partnership="));
    }
}
