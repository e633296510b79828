package org.csp.eventcatalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AsyncAPI document as one self-contained HTML page for people: the headers and key every event carries, then a
 * section per topic with a table of its messages and, for each, its payload's fields and its approved example. Every
 * text from the document is escaped; no script, no external style sheet.
 */
final class CatalogueHtml {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final String STYLE = """
            body { font-family: Arial, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #0b0c0c;
              line-height: 1.4; }
            table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
            th, td { border-bottom: 1px solid #b1b4b6; padding: 0.4rem; text-align: left; vertical-align: top; }
            code, pre { font-family: Consolas, monospace; font-size: 0.9rem; }
            pre { background: #f3f2f1; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
            .read-only { color: #505a5f; }
            .tag { display: inline-block; white-space: nowrap; padding: 0 0.3rem; border: 1px solid currentColor; font-size: 0.8rem; }
            ul.fields { margin: 0.25rem 0; }
            section.message { border-top: 2px solid #1d70b8; margin-top: 2rem; }
            """;

    private CatalogueHtml() {}

    static String render(JsonNode document) {
        StringBuilder html = new StringBuilder();
        JsonNode info = document.get("info");
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape(info.get("title").asText()))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>").append(escape(info.get("title").asText())).append("</h1>\n");
        html.append("<p>AsyncAPI ")
                .append(escape(document.get("asyncapi").asText()))
                .append(", generated: <a href=\"events.asyncapi.yaml\">events.asyncapi.yaml</a>. In words:")
                .append(" <a href=\"events.md\">events.md</a>.</p>\n");
        html.append("<p>").append(text(info.get("description").asText())).append("</p>\n");
        topicsList(html, document);
        headers(html, document);
        for (Iterator<Map.Entry<String, JsonNode>> channels =
                        document.get("channels").fields();
                channels.hasNext(); ) {
            channel(html, document, channels.next().getValue());
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void topicsList(StringBuilder html, JsonNode document) {
        html.append("<h2>Topics</h2>\n<ul>\n");
        for (JsonNode operation : document.get("operations")) {
            JsonNode channel = resolve(document, operation.get("channel"));
            String address = channel.get("address").asText();
            html.append("<li><a href=\"#")
                    .append(escape(address))
                    .append("\"><code>")
                    .append(escape(address))
                    .append("</code></a>: ")
                    .append(escape(operation.get("title").asText()))
                    .append(", ")
                    .append(operation.get("messages").size())
                    .append(" event types</li>\n");
        }
        html.append("</ul>\n");
    }

    private static void headers(StringBuilder html, JsonNode document) {
        JsonNode schemas = document.get("components").get("schemas");
        html.append("<h2 id=\"headers\">Kafka record: key and headers</h2>\n")
                .append("<p>Key: ")
                .append(text(document.at("/components/messages")
                        .elements()
                        .next()
                        .at("/bindings/kafka/key/description")
                        .asText()))
                .append("</p>\n<table>\n<thead><tr><th scope=\"col\">header</th><th scope=\"col\">value</th>")
                .append("<th scope=\"col\">meaning</th></tr></thead>\n<tbody>\n");
        for (Iterator<Map.Entry<String, JsonNode>> headers =
                        schemas.get("CloudEventHeaders").get("properties").fields();
                headers.hasNext(); ) {
            Map.Entry<String, JsonNode> header = headers.next();
            html.append("<tr><td><code>")
                    .append(escape(header.getKey()))
                    .append("</code></td><td>")
                    .append(escape(headerValue(header.getValue())))
                    .append("</td><td>")
                    .append(text(header.getValue().get("description").asText()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String headerValue(JsonNode schema) {
        if (schema.has("const")) {
            return schema.get("const").asText();
        }
        if (schema.has("format")) {
            return "text (" + schema.get("format").asText() + ")";
        }
        if (schema.has("pattern")) {
            return "a whole number, 1 or more";
        }
        return "text";
    }

    private static void channel(StringBuilder html, JsonNode document, JsonNode channel) {
        String address = channel.get("address").asText();
        html.append("<section>\n<h2 id=\"")
                .append(escape(address))
                .append("\">Topic <code>")
                .append(escape(address))
                .append("</code></h2>\n<p>")
                .append(text(channel.get("description").asText()))
                .append("</p>\n<table>\n<thead><tr><th scope=\"col\">type</th><th scope=\"col\">title</th>")
                .append("<th scope=\"col\">status</th><th scope=\"col\">summary</th></tr></thead>\n<tbody>\n");
        for (JsonNode reference : channel.get("messages")) {
            JsonNode message = resolve(document, reference);
            boolean readOnly = message.path("deprecated").asBoolean(false);
            html.append(readOnly ? "<tr class=\"read-only\">" : "<tr>")
                    .append("<td><a href=\"#")
                    .append(escape(message.get("name").asText()))
                    .append("\"><code>")
                    .append(escape(message.get("name").asText()))
                    .append("</code></a></td><td>")
                    .append(escape(message.get("title").asText()))
                    .append("</td><td>")
                    .append(readOnly ? "<span class=\"tag\">read only</span>" : "written")
                    .append("</td><td>")
                    .append(text(message.get("summary").asText()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        for (JsonNode reference : channel.get("messages")) {
            message(html, document, resolve(document, reference));
        }
        html.append("</section>\n");
    }

    private static void message(StringBuilder html, JsonNode document, JsonNode message) {
        String name = message.get("name").asText();
        html.append("<section class=\"message\">\n<h3 id=\"")
                .append(escape(name))
                .append("\"><code>")
                .append(escape(name))
                .append("</code></h3>\n<p>")
                .append(escape(message.get("title").asText()))
                .append(message.path("deprecated").asBoolean(false) ? " <span class=\"tag\">read only</span>" : "")
                .append(": ")
                .append(text(message.get("summary").asText()))
                .append("</p>\n<h4>Payload</h4>\n");
        fields(html, resolve(document, message.get("payload")));
        html.append("<h4>Example (approved JSON)</h4>\n<pre>")
                .append(escape(pretty(message.get("examples").get(0).get("payload"))))
                .append("</pre>\n</section>\n");
    }

    /** An object schema's fields as a nested list: name, type, whether required; nested objects and arrays inside. */
    private static void fields(StringBuilder html, JsonNode schema) {
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty()) {
            html.append("<p>An object with any keys.</p>\n");
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        html.append("<ul class=\"fields\">\n");
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode fieldSchema = field.getValue();
            html.append("<li><code>")
                    .append(escape(field.getKey()))
                    .append("</code>: ")
                    .append(escape(typeOf(fieldSchema)))
                    .append(required.contains(field.getKey()) ? "" : ", optional");
            JsonNode nested =
                    fieldSchema.path("type").asText().equals("array") ? fieldSchema.get("items") : fieldSchema;
            if (nested.path("type").asText().equals("object")) {
                html.append("\n");
                fields(html, nested);
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static String typeOf(JsonNode schema) {
        if (!schema.has("type")) {
            return schema.has("description")
                    ? "any (" + schema.get("description").asText() + ")"
                    : "any";
        }
        if (schema.get("type").isArray()) {
            List<String> types = new ArrayList<>();
            schema.get("type").forEach(type -> types.add(type.asText()));
            return String.join(" or ", types);
        }
        String type = schema.get("type").asText();
        if (type.equals("array")) {
            return "array of " + typeOf(schema.get("items"));
        }
        return type;
    }

    /** The node a local reference ({@code #/components/…}) points at. */
    private static JsonNode resolve(JsonNode document, JsonNode reference) {
        JsonNode target = reference;
        while (target.has("$ref")) {
            target = document.at(target.get("$ref").asText().substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("Unresolved reference " + reference);
            }
        }
        return target;
    }

    private static String pretty(JsonNode json) {
        try {
            return PRETTY.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Escaped text whose {@code `code`} spans become code elements, as in the Markdown it was written like. */
    static String text(String text) {
        return escape(text).replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
