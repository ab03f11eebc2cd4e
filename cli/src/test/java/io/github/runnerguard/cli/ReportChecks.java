package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Checks of report files the command writes, and where the project's files are. */
final class ReportChecks {

    private static Schema sarifSchema;

    private ReportChecks() {
    }

    /** The project root: the directory above the working directory that holds {@code cli} and {@code pom.xml}. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("cli")) && Files.isDirectory(dir.resolve("core"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
    }

    /** {@code <project root>/../shared}, when it exists. */
    static Optional<Path> shared() {
        Path candidate = projectRoot().resolveSibling("shared");
        return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /** Fails unless the text is a SARIF 2.1.0 log valid against the OASIS schema; skips without the schema. */
    static void assertValidSarif(String sarif) throws IOException {
        List<String> violations = sarifViolations(sarif);
        assertTrue(violations.isEmpty(), "SARIF schema violations:\n" + String.join("\n", violations));
    }

    static List<String> sarifViolations(String sarif) throws IOException {
        synchronized (ReportChecks.class) {
            if (sarifSchema == null) {
                Optional<Path> shared = shared();
                Assumptions.assumeTrue(shared.isPresent(),
                        "the shared reference directory (<project root>/../shared) is absent; skipping");
                Path file = shared.get().resolve("schemas/sarif-schema-2.1.0.json");
                Assumptions.assumeTrue(Files.isRegularFile(file), file + " is absent; skipping");
                try (InputStream in = Files.newInputStream(file)) {
                    sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                            .getSchema(in, InputFormat.JSON);
                }
            }
        }
        return sarifSchema.validate(sarif, InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** Parses XML without DTDs; throws when it is not well-formed. */
    static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }
}
