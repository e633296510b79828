package org.csp.plan.organisation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.csp.plan.element.States;

/**
 * The names of a partnership's registered organisations, for views that show an organisation's name beside its
 * registry id. An id the registry does not know reads as itself.
 */
public record OrganisationNames(Map<String, String> names) {

    /** No names: every id reads as itself. */
    public static final OrganisationNames NONE = new OrganisationNames(Map.of());

    public static Uni<OrganisationNames> load(SqlClient client, String partnershipId) {
        return States.list(client, partnershipId, Organisations.KIND).map(rows -> {
            Map<String, String> names = new HashMap<>();
            rows.forEach(o -> names.put(o.id(), o.state().definition().name()));
            return new OrganisationNames(Map.copyOf(names));
        });
    }

    /** The name of the organisation {@code id}; null for no organisation. */
    public String name(String id) {
        return id == null ? null : names.getOrDefault(id, id);
    }

    /** The names of {@code ids}, in their order. */
    public List<String> names(List<String> ids) {
        return ids.stream().map(this::name).toList();
    }
}
