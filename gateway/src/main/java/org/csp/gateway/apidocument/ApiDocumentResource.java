package org.csp.gateway.apidocument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import org.csp.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/openapi}: the one OpenAPI 3.1 document of the whole API ({@link ApiDocuments}), JSON, or YAML with
 * {@code ?format=yaml} or {@code Accept: application/yaml}. Open to anyone, as the Swagger UI at {@code /q/swagger-ui}
 * that shows it: it describes the API, never any partnership's data, and every call it describes checks the token.
 */
@Path("/api/openapi")
public class ApiDocumentResource {

    static final String YAML = "application/yaml";
    private static final ObjectMapper YAML_WRITER = new ObjectMapper(new YAMLFactory());

    private final ApiDocuments documents;

    public ApiDocumentResource(ApiDocuments documents) {
        this.documents = documents;
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, YAML})
    @Operation(
            operationId = "ApiDocumentResource_document",
            summary = "The API document",
            description = "This document: every public endpoint of the gateway and the services behind it.")
    @APIResponse(
            responseCode = "200",
            description = "The OpenAPI 3.1 document",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema =
                                @Schema(
                                        type = SchemaType.OBJECT,
                                        description = "An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0)",
                                        requiredProperties = {"openapi", "info"},
                                        properties = {
                                            @SchemaProperty(name = "openapi", type = SchemaType.STRING),
                                            @SchemaProperty(name = "info", type = SchemaType.OBJECT),
                                            @SchemaProperty(name = "paths", type = SchemaType.OBJECT),
                                            @SchemaProperty(name = "components", type = SchemaType.OBJECT)
                                        })),
                @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING, maxLength = 10_000_000))
            })
    @APIResponse(
            responseCode = "503",
            description = "A service's document cannot be read now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<Response> document(
            @Parameter(description = "yaml for YAML; JSON otherwise", schema = @Schema(enumeration = {"json", "yaml"}))
                    @QueryParam("format")
                    String format,
            @Context HttpHeaders headers) {
        boolean yaml = "yaml".equalsIgnoreCase(format)
                || (format == null
                        && headers.getAcceptableMediaTypes().stream()
                                .anyMatch(
                                        type -> type.isCompatible(MediaType.valueOf(YAML)) && !type.isWildcardType()));
        return documents
                .document()
                .map(document -> yaml
                        ? Response.ok(yaml(document), YAML).build()
                        : Response.ok(document, MediaType.APPLICATION_JSON).build());
    }

    private static String yaml(JsonNode document) {
        try {
            return YAML_WRITER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
