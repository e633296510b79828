package org.csp.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Test data: the gateway's JSON (files under {@code src/test/resources/fixtures}) read as the REST client reads it,
 * and GOV.UK Frontend's reference HTML of its components ({@code fixtures.json} in the npm package the build
 * installs), with a way to compare the shape of markup: element names and classes, not text.
 */
public final class Fixtures {

    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Path GOVUK_COMPONENTS = Path.of("node_modules/govuk-frontend/dist/govuk/components");

    private Fixtures() {}

    public static <T> T gatewayJson(String file, Class<T> type) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root element of a GOV.UK Frontend component's reference HTML for one of its fixtures ("red" of "tag"). */
    public static Element govuk(String component, String fixture) {
        try {
            JsonNode fixtures = JSON.readTree(
                    Files.readString(GOVUK_COMPONENTS.resolve(component).resolve("fixtures.json")));
            for (JsonNode each : fixtures.path("fixtures")) {
                if (each.path("name").asText().equals(fixture)) {
                    return Jsoup.parseBodyFragment(each.path("html").asText())
                            .body()
                            .child(0);
                }
            }
            throw new IllegalArgumentException("GOV.UK Frontend's " + component + " has no fixture " + fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "GOV.UK Frontend is not installed: the build runs npm ci in web/ (generate-resources)", e);
        }
    }

    /** The markup's shape: each element's name and sorted classes, its children's shapes inside; text left out. */
    public static String shape(Element element) {
        String classes = element.classNames().stream().sorted().collect(Collectors.joining("."));
        String children = element.children().stream().map(Fixtures::shape).collect(Collectors.joining(","));
        return element.tagName()
                + (classes.isEmpty() ? "" : "." + classes)
                + (children.isEmpty() ? "" : "[" + children + "]");
    }
}
