package org.csp.gateway.apidocument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiDocumentMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String GATEWAY = """
            {'openapi': '3.1.0', 'info': {'title': 'gateway', 'version': '1'},
             'paths': {
               '/api/views/x': {'get': {'operationId': 'View_get', 'responses': {'200': {'$ref': '#/components/responses/Ok'}}}},
               '/api/admin/projections/{name}/status': {'get': {'operationId': 'ProjectionResource_status'}},
               '/q/health': {'get': {'operationId': 'health'}}},
             'components': {'schemas': {'Problem': {'type': 'object'}, 'View': {'type': 'object'}},
                            'responses': {'Ok': {'description': 'ok'}}}}
            """;

    private static final String PLAN = """
            {'openapi': '3.1.0', 'info': {'title': 'plan', 'version': '1'},
             'paths': {
               '/api/plans/{id}': {'get': {'operationId': 'View_get',
                   'responses': {'200': {'content': {'application/json': {'schema': {'$ref': '#/components/schemas/View'}}}}}}},
               '/api/admin/projections/{name}/status': {'get': {'operationId': 'ProjectionResource_status'}},
               '/api/admin/relay/refused': {'get': {'operationId': 'RelayResource_refused'}},
               '/api/admin/retention': {'post': {'operationId': 'internal'}},
               '/api/indicators': {'get': {'operationId': 'notPlans'}}},
             'components': {'schemas': {'Problem': {'type': 'object'}, 'View': {'type': 'array'}}},
             'tags': [{'name': 'Plans'}]}
            """;

    private static final String MEASURES = """
            {'openapi': '3.1.0', 'info': {'title': 'measures', 'version': '1'},
             'paths': {
               '/api/indicators': {'get': {'operationId': 'Indicators_list'}},
               '/api/admin/relay/refused': {'get': {'operationId': 'RelayResource_refused'}}},
             'components': {'schemas': {'Problem': {'type': 'object'}}}}
            """;

    private static Map<String, JsonNode> services(String plan, String measures) throws Exception {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put("plan", json(plan));
        services.put("measures", json(measures));
        return services;
    }

    private static final Map<String, List<String>> SEGMENTS =
            Map.of("plan", List.of("plans"), "measures", List.of("indicators"));

    @Test
    void keepsThePublicPathsOfEachDocumentOnce() throws Exception {
        JsonNode merged = ApiDocumentMerge.merge(json(GATEWAY), services(PLAN, MEASURES), SEGMENTS);
        List<String> paths = new ArrayList<>();
        merged.path("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(
                List.of(
                        "/api/views/x",
                        "/api/admin/projections/{name}/status",
                        "/api/plans/{id}",
                        "/api/admin/relay/{service}/refused",
                        "/api/indicators"),
                paths);
        assertEquals(
                "Indicators_list",
                merged.at("/paths/~1api~1indicators/get/operationId").asText());
        assertEquals("3.1.0", merged.path("openapi").asText());
    }

    @Test
    void theRelayIsReachedByTheServicesName() throws Exception {
        JsonNode merged = ApiDocumentMerge.merge(json(GATEWAY), services(PLAN, MEASURES), SEGMENTS);
        JsonNode parameter = merged.at("/paths/~1api~1admin~1relay~1{service}~1refused/parameters/0");
        assertEquals("service", parameter.path("name").asText());
        assertEquals("path", parameter.path("in").asText());
        assertEquals("[\"plan\",\"measures\"]", parameter.at("/schema/enum").toString());
    }

    @Test
    void aComponentNamedAlikeButDifferentIsRenamedWithItsReferences() throws Exception {
        JsonNode merged = ApiDocumentMerge.merge(json(GATEWAY), services(PLAN, MEASURES), SEGMENTS);
        assertEquals("object", merged.at("/components/schemas/View/type").asText());
        assertEquals("array", merged.at("/components/schemas/PlanView/type").asText());
        assertFalse(merged.at("/components/schemas/PlanProblem").isObject(), "the same Problem is kept once");
        assertEquals(
                "#/components/schemas/PlanView",
                merged.at("/paths/~1api~1plans~1{id}/get/responses/200/content/application~1json/schema/$ref")
                        .asText());
        assertEquals("Plans", merged.at("/tags/0/name").asText());
    }

    @Test
    void anOperationIdAlreadyTakenGetsTheServicesName() throws Exception {
        JsonNode merged = ApiDocumentMerge.merge(json(GATEWAY), services(PLAN, MEASURES), SEGMENTS);
        assertEquals(
                "View_get", merged.at("/paths/~1api~1views~1x/get/operationId").asText());
        assertEquals(
                "plan_View_get",
                merged.at("/paths/~1api~1plans~1{id}/get/operationId").asText());
    }

    @Test
    void aPathTwoDocumentsGiveIsAnError() throws Exception {
        String measures = MEASURES.replace("'/api/indicators'", "'/api/plans/{id}'");
        Map<String, List<String>> segments = Map.of("plan", List.of("plans"), "measures", List.of("plans"));
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> ApiDocumentMerge.merge(json(GATEWAY), services(PLAN, measures), segments));
        assertTrue(e.getMessage().contains("/api/plans/{id}"), e.getMessage());
    }
}
