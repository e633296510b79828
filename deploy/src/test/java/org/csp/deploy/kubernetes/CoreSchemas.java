package org.csp.deploy.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes API's own objects (Deployments, Services, …) checked against fabric8's model of them, which is
 * generated from the API's OpenAPI schemas: a document is read into its kind's class with no coercion (a string where
 * a number belongs, or a number where a string does, is refused, as the API server refuses it), and, strictly, no
 * field the model does not name (fabric8 keeps those in {@code additionalProperties}, where a server would drop or
 * refuse them). Required fields the model cannot express are checked for the kinds the manifests use.
 */
final class CoreSchemas {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    private static final ObjectMapper STRICT = strict();

    private CoreSchemas() {}

    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        for (LogicalType type :
                List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            for (CoercionInputShape shape : List.of(
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float,
                    CoercionInputShape.Boolean,
                    CoercionInputShape.String)) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        return mapper;
    }

    /** Whether the model has the object's {@code apiVersion} and {@code kind}. */
    static boolean knows(JsonNode object) {
        return KINDS.containsKey(key(object));
    }

    private static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** What is wrong with an object of the Kubernetes API, each as {@code path: problem}; empty when it is valid. */
    static List<String> problems(JsonNode object) {
        Class<? extends HasMetadata> type = KINDS.get(key(object));
        if (type == null) {
            return List.of("no model of " + key(object));
        }
        HasMetadata typed;
        try {
            typed = STRICT.treeToValue(object, type);
        } catch (JsonProcessingException e) {
            return List.of(e.getOriginalMessage() + " at " + e.getLocation());
        }
        List<String> problems = new ArrayList<>();
        unknownFields(
                typed, type.getSimpleName(), problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        if (typed.getMetadata() == null || typed.getMetadata().getName() == null) {
            problems.add("metadata.name: required");
        }
        if (typed instanceof Deployment deployment) {
            required(deployment, problems);
        }
        return problems;
    }

    private static void required(Deployment deployment, List<String> problems) {
        var spec = deployment.getSpec();
        if (spec == null || spec.getSelector() == null || spec.getTemplate() == null) {
            problems.add("spec.selector, spec.template: required");
            return;
        }
        var containers = spec.getTemplate().getSpec().getContainers();
        if (containers.isEmpty()) {
            problems.add("spec.template.spec.containers: required");
        }
        containers.forEach(container -> {
            if (container.getName() == null || container.getImage() == null) {
                problems.add("spec.template.spec.containers: name and image required");
            }
        });
    }

    /** Every field fabric8 kept in an {@code additionalProperties} map, anywhere in the object. */
    private static void unknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> unknownFields(entry, path + "." + key, problems, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra) {
                    extra.keySet()
                            .forEach(name -> problems.add(path + "." + name + ": not a field of "
                                    + value.getClass().getSimpleName()));
                }
            } else {
                unknownFields(field, path + "." + field(getter), problems, seen);
            }
        }
    }

    private static String field(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object value) {
        try {
            return getter.invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
