package org.csp.engagement.registry;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Looks organisations up in the partnership's registry as {@link OrganisationRegistry} keeps it. */
@ApplicationScoped
public class RegisteredOrganisations {

    /** An organisation of the registry. */
    public record Organisation(String id, String name) {}

    /**
     * What a partnership's registry knows of {@code given} (registry ids, or, as older clients send them, the exact
     * names of registered organisations, in any case): each found one by what was given. Retired ones are not found.
     */
    public Uni<Map<String, Organisation>> find(Pool pool, String partnership, Collection<String> given) {
        Set<String> ids = new TreeSet<>(given);
        Set<String> names = new TreeSet<>();
        given.forEach(g -> names.add(g.strip().toLowerCase(Locale.ROOT)));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                        SELECT organisation_id, name FROM public.registered_organisation
                        WHERE partnership_id = $1 AND NOT retired
                          AND (organisation_id = ANY($2::text[]) OR lower(name) = ANY($3::text[]))""")
                .execute(Tuple.tuple()
                        .addString(partnership)
                        .addArrayOfString(ids.toArray(String[]::new))
                        .addArrayOfString(names.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Organisation> byId = new HashMap<>();
                    Map<String, Organisation> byName = new HashMap<>();
                    for (Row row : rows) {
                        Organisation o = new Organisation(row.getString("organisation_id"), row.getString("name"));
                        byId.put(o.id(), o);
                        byName.put(o.name().strip().toLowerCase(Locale.ROOT), o);
                    }
                    Map<String, Organisation> found = new HashMap<>();
                    for (String g : given) {
                        Organisation o =
                                byId.getOrDefault(g, byName.get(g.strip().toLowerCase(Locale.ROOT)));
                        if (o != null) {
                            found.put(g, o);
                        }
                    }
                    return found;
                });
    }

    /** The names of a partnership's organisations by id, retired ones included (an older record may name one). */
    public Uni<Map<String, String>> names(Pool pool, String partnership, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                        SELECT organisation_id, name FROM public.registered_organisation
                        WHERE partnership_id = $1 AND organisation_id = ANY($2::text[])""")
                .execute(Tuple.tuple()
                        .addString(partnership)
                        .addArrayOfString(new TreeSet<>(ids).toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    rows.forEach(row -> names.put(row.getString("organisation_id"), row.getString("name")));
                    return names;
                });
    }
}
