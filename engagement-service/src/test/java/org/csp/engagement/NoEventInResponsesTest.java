package org.csp.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.csp.engagement.casereview.CaseReviewResource;
import org.csp.engagement.consultation.ConsultationResource;
import org.csp.engagement.engagement.EngagementResource;
import org.junit.jupiter.api.Test;

/**
 * The events ({@code …Event} types) are the stored contract only: no resource of this service answers with one. Every
 * type a resource declares publicly or returns from a public method, and every type reachable from those (record
 * components, generic arguments, the permitted subtypes of a sealed type, recursively), must neither be declared in a
 * type whose name ends with {@code Event} nor implement one.
 */
class NoEventInResponsesTest {

    private static final String PACKAGE = "org.csp.engagement";

    @Test
    void noResourceAnswersWithAnEventOrAnythingDeclaredInOne() throws Exception {
        List<Class<?>> resources = resources();
        assertTrue(
                resources.containsAll(
                        List.of(EngagementResource.class, ConsultationResource.class, CaseReviewResource.class)),
                "every resource of the service is found: " + resources);
        Set<Type> seen = new HashSet<>();
        Set<String> offending = new TreeSet<>();
        for (Class<?> resource : resources) {
            for (Class<?> declared : resource.getDeclaredClasses()) {
                if (Modifier.isPublic(declared.getModifiers())) {
                    walk(declared, resource.getSimpleName() + "." + declared.getSimpleName(), seen, offending);
                }
            }
            for (Method method : resource.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers())) {
                    walk(
                            method.getGenericReturnType(),
                            resource.getSimpleName() + "." + method.getName() + "()",
                            seen,
                            offending);
                }
            }
        }
        assertTrue(
                seen.containsAll(List.of(
                        EngagementResource.PlaceView.class,
                        ConsultationResource.ResultView.class,
                        CaseReviewResource.DecisionView.class)),
                "the walk reaches the views' components");
        assertEquals(Set.of(), offending, "response types that are, or are declared in, an event type");
    }

    /** Checks {@code type} and walks on into what it is made of; {@code path} says how it was reached. */
    private static void walk(Type type, String path, Set<Type> seen, Set<String> offending) {
        if (!seen.add(type)) {
            return;
        }
        switch (type) {
            case ParameterizedType p -> {
                walk(p.getRawType(), path, seen, offending);
                for (Type argument : p.getActualTypeArguments()) {
                    walk(argument, path + "<>", seen, offending);
                }
            }
            case WildcardType w -> Stream.of(w.getUpperBounds()).forEach(bound -> walk(bound, path, seen, offending));
            case TypeVariable<?> v -> Stream.of(v.getBounds()).forEach(bound -> walk(bound, path, seen, offending));
            case GenericArrayType a -> walk(a.getGenericComponentType(), path + "[]", seen, offending);
            case Class<?> c -> {
                String event = eventTypeOf(c);
                if (event != null) {
                    offending.add(path + ": " + c.getName() + " (" + event + ")");
                }
                if (c.isArray()) {
                    walk(c.getComponentType(), path + "[]", seen, offending);
                }
                if (c.isRecord()) {
                    for (RecordComponent component : c.getRecordComponents()) {
                        walk(component.getGenericType(), path + "." + component.getName(), seen, offending);
                    }
                }
                if (c.isSealed()) {
                    for (Class<?> permitted : c.getPermittedSubclasses()) {
                        walk(permitted, path + "(" + permitted.getSimpleName() + ")", seen, offending);
                    }
                }
            }
            default -> throw new IllegalArgumentException("Unexpected kind of type: " + type);
        }
    }

    /** The …Event type that {@code c} is, is declared in, or implements; null when there is none. */
    private static String eventTypeOf(Class<?> c) {
        for (Class<?> outer = c; outer != null; outer = outer.getEnclosingClass()) {
            if (outer.getSimpleName().endsWith("Event")) {
                return outer == c ? "an event type" : "declared in " + outer.getSimpleName();
            }
        }
        List<Class<?>> supertypes = new ArrayList<>(List.of(c.getInterfaces()));
        if (c.getSuperclass() != null) {
            supertypes.add(c.getSuperclass());
        }
        for (Class<?> supertype : supertypes) {
            String event = eventTypeOf(supertype);
            if (event != null) {
                return "implements " + supertype.getSimpleName() + ", " + event;
            }
        }
        return null;
    }

    /** Every class of the service's compiled main code that is a JAX-RS resource. */
    private static List<Class<?>> resources() throws IOException, URISyntaxException, ClassNotFoundException {
        ClassLoader loader = NoEventInResponsesTest.class.getClassLoader();
        List<Class<?>> resources = new ArrayList<>();
        for (URL root : Collections.list(loader.getResources(PACKAGE.replace('.', '/')))) {
            if (!"file".equals(root.getProtocol())) {
                continue;
            }
            java.nio.file.Path base = Paths.get(root.toURI());
            List<java.nio.file.Path> classes;
            try (Stream<java.nio.file.Path> files = Files.walk(base)) {
                classes = files.filter(f -> f.toString().endsWith(".class")).toList();
            }
            for (java.nio.file.Path file : classes) {
                String relative = base.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                String name = PACKAGE + "." + relative.substring(0, relative.length() - ".class".length());
                Class<?> c = Class.forName(name, false, loader);
                if (c.isAnnotationPresent(Path.class)) {
                    resources.add(c);
                }
            }
        }
        return resources;
    }
}
