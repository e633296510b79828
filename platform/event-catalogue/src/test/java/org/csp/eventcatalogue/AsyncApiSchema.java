package org.csp.eventcatalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The official AsyncAPI 3.0.0 JSON Schema, as npm's {@code @asyncapi/specs} ships it (bundled, its definitions
 * referenced inside the file, so nothing is fetched), installed into {@code node_modules} by the build's
 * {@code npm ci} from the module's package-lock.json.
 */
final class AsyncApiSchema {

    static final Path FILE = Path.of("node_modules", "@asyncapi", "specs", "schemas", "3.0.0-without-$id.json");

    private static final Schema SCHEMA = load();

    private AsyncApiSchema() {}

    /** What is wrong with {@code document} as an AsyncAPI 3.0.0 document; none when it is valid. */
    static List<Error> errors(JsonNode document) {
        return SCHEMA.validate(document);
    }

    private static Schema load() {
        if (!Files.isRegularFile(FILE)) {
            throw new IllegalStateException(FILE.toAbsolutePath() + " is missing: the build's npm ci installs it"
                    + " (run the module's tests through Maven, not with -DskipTests)");
        }
        try {
            JsonNode schema = new ObjectMapper().readTree(FILE.toFile());
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
