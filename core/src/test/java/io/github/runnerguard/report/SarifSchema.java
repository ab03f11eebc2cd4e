package io.github.runnerguard.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The OASIS SARIF 2.1.0 schema from the shared reference directory, as a validator. */
final class SarifSchema {

    private static Schema schema;

    private SarifSchema() {
    }

    /** The schema; skips the calling test when the shared directory is absent. */
    static synchronized Schema load() throws IOException {
        if (schema == null) {
            Path file = ReportFixtures.requireShared("schemas/sarif-schema-2.1.0.json");
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
            try (InputStream in = Files.newInputStream(file)) {
                schema = registry.getSchema(in, InputFormat.JSON);
            }
        }
        return schema;
    }

    /** The schema violations of a SARIF log, as messages with their JSON location; empty when it is valid. */
    static List<String> violations(String sarif) throws IOException {
        List<Error> errors = load().validate(sarif, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
