package org.csp.contracts;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the topics' catalogues ({@link PlanEventTypes}, {@link MeasuresEventTypes}, {@link EngagementEventTypes}) share:
 * each type is a constant named for its version ({@code …_V1}), declared once; the list of a topic's types is read
 * from those constants, and a consumer's ignored types are what it does not apply.
 */
public final class TypeCatalogue {

    private static final Pattern TYPE_CONSTANT = Pattern.compile("[A-Z0-9_]+_V\\d+");

    private TypeCatalogue() {}

    /** Every type constant ({@code public static final String …_V<n>}) of {@code catalogue}, as declared. */
    static List<String> typesOf(Class<?> catalogue) {
        List<String> types = new ArrayList<>();
        for (Field field : catalogue.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers)
                    && Modifier.isStatic(modifiers)
                    && field.getType() == String.class
                    && TYPE_CONSTANT.matcher(field.getName()).matches()) {
                try {
                    types.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(types);
    }

    /** Every type of every topic: plan's, measures' and engagement's. */
    public static List<String> allTypes() {
        List<String> all = new ArrayList<>(PlanEventTypes.ALL);
        all.addAll(MeasuresEventTypes.ALL);
        all.addAll(EngagementEventTypes.ALL);
        return List.copyOf(all);
    }

    /** The types of {@code all} (a consumer's topics') that a consumer which applies {@code applied} ignores: the others. */
    public static Set<String> allBut(List<String> all, Set<String> applied) {
        return Set.copyOf(all.stream().filter(type -> !applied.contains(type)).toList());
    }
}
