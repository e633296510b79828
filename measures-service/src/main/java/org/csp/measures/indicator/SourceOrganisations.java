package org.csp.measures.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisations that may be an indicator's source: those the catalogue files name (police, councils, probation …,
 * ids as in the plan's organisation registry), loaded at start.
 */
@ApplicationScoped
public class SourceOrganisations {

    private final Map<String, String> names = new ConcurrentHashMap<>();

    public void add(String id, String name) {
        names.put(id, name);
    }

    public Set<String> ids() {
        return Set.copyOf(names.keySet());
    }

    public Map<String, String> all() {
        return new TreeMap<>(names);
    }
}
