package org.csp.testing;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an event record in what an API answers with. Events are the stored contract, never a response: a response
 * body is built from view records. An event record is a type named {@code …Event}, declared inside one (the records
 * nested in {@code InitiativeEvent}) or implementing one.
 */
public final class EventRecords {

    private static final int DEEPEST = 32;

    private EventRecords() {}

    /** Where in {@code body} an event record is ({@code $.risks[0]: InitiativeEvent.Risk}), or empty when none is. */
    public static Optional<String> find(Object body) {
        Deque<Object> seen = new ArrayDeque<>();
        return find(body, "$", seen, 0);
    }

    /** Whether {@code type} is an event record by the rule above. */
    public static boolean isEventType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (namedEvent(c) || implementsEvent(c)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> find(Object value, String path, Deque<Object> seen, int depth) {
        if (value == null || depth > DEEPEST || simple(value) || seen.stream().anyMatch(s -> s == value)) {
            return Optional.empty();
        }
        Class<?> type = value.getClass();
        if (isEventType(type)) {
            return Optional.of(path + ": " + type.getName());
        }
        seen.push(value);
        try {
            if (value instanceof Optional<?> optional) {
                return optional.flatMap(inner -> find(inner, path, seen, depth + 1));
            }
            if (value instanceof Collection<?> collection) {
                int i = 0;
                for (Object element : collection) {
                    Optional<String> found = find(element, path + "[" + i++ + "]", seen, depth + 1);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    Optional<String> found = find(entry.getValue(), path + "." + entry.getKey(), seen, depth + 1);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }
            if (type.isArray()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    Optional<String> found = find(Array.get(value, i), path + "[" + i + "]", seen, depth + 1);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    Optional<String> found =
                            find(read(component, value), path + "." + component.getName(), seen, depth + 1);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } finally {
            seen.pop();
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read " + component + " of a response", e);
        }
    }

    private static boolean simple(Object value) {
        return value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Enum<?>
                || value instanceof java.time.temporal.Temporal
                || value instanceof java.util.UUID
                || value instanceof byte[]
                || value.getClass().getName().startsWith("com.fasterxml.jackson.");
    }

    private static boolean namedEvent(Class<?> c) {
        return c.getSimpleName().endsWith("Event");
    }

    private static boolean implementsEvent(Class<?> c) {
        for (Class<?> i : c.getInterfaces()) {
            if (namedEvent(i) || implementsEvent(i)) {
                return true;
            }
        }
        return false;
    }
}
