package org.csp.web.layout;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.csp.web.WebConfig;
import org.csp.web.quarter.Quarters;

/**
 * What the layout of every page shows around its content ({@code {inject:chrome.…}} in {@code layout.html}): the
 * navigation the person's roles allow, sign in or sign out, and the demo-data banner.
 */
@Named("chrome")
@RequestScoped
public class Chrome {

    public static final String SERVICE_NAME = "Community Safety Partnership";

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;
    private final Quarters quarters;
    private final WebConfig config;

    public Chrome(SecurityIdentity identity, CurrentVertxRequest request, Quarters quarters, WebConfig config) {
        this.identity = identity;
        this.request = request;
        this.quarters = quarters;
        this.config = config;
    }

    public String serviceName() {
        return SERVICE_NAME;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public List<Navigation.Item> navigation() {
        RoutingContext current = request.getCurrent();
        return Navigation.items(
                identity.getRoles(), quarters.latest().pathId(), current == null ? null : current.normalizedPath());
    }

    /** The page shown, as its path and query ({@code /quarters/2024-25-Q2?x=y}): where the partnership switcher returns. */
    public String page() {
        RoutingContext current = request.getCurrent();
        return current == null ? "/" : current.request().uri();
    }

    /** Whether the synthetic demo data set is loaded ({@code csp.web.demo-data}). */
    public boolean demoData() {
        return config.demoData();
    }
}
