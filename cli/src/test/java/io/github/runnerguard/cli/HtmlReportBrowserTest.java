package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.runnerguard.report.HtmlReportWriter;
import io.github.runnerguard.testkit.JsonReportContract;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The HTML report of the shipped examples opened in a real headless browser (Debian's {@code chromium}): every
 * finding is in the rendered page, the page asks the network for nothing (and the browser refuses when told to),
 * and a screenshot is saved as {@code cli/target/report.png} for review.
 */
class HtmlReportBrowserTest {

    private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC);

    /** A {@code src}, {@code href} or CSS {@code url()} that points at the network. */
    private static final Pattern NETWORK_REFERENCE = Pattern.compile(
            "(?i)(?:\\b(?:src|href|action|poster|data|srcset)\\s*=\\s*[\"']?\\s*(?:https?:)?//|url\\(\\s*[\"']?\\s*"
                    + "(?:https?:)?//|@import)");

    /** The secrets written in the examples; none may reach the page. */
    private static final List<String> SECRETS = List.of("glrt-t1_ExampleKubernetesToken9876",
            "eyJhbGciOiJSUzI1NiIsImtpZCI6IkV4YW1wbGUifQ.example", "glrt-t3_ExampleTokenDoNotUse1234",
            "s3cr3t-deploy-token", "EXAMPLEACCESSKEY", "exampleSecretKeyDoNotUse", "glrt-t2_ExampleShellToken5555",
            "ExamplePasswordDoNotUse");

    @TempDir
    static Path dir;

    private static Path html;
    private static JsonNode report;

    @BeforeAll
    static void writeTheReport() throws Exception {
        Path examples = ReportChecks.projectRoot().resolve("examples");
        html = dir.resolve("report.html");
        Path json = dir.resolve("report.json");
        Cli.Result result = Cli.runAt(JUNE_2026, "audit", "--policy",
                examples.resolve("runnerguard.toml.example").toString(), "--format", "html=" + html,
                "--format", "json=" + json, examples.resolve("kubernetes.toml").toString(),
                examples.resolve("shared-docker.toml").toString(), examples.resolve("shell.toml").toString());
        assertEquals(1, result.exitCode(), result.toString());
        report = JsonReportContract.assertValid(Files.readString(json));
    }

    /** The chromium binary on the PATH; skips the test when there is none. */
    private static Path chromium() {
        Optional<Path> found = Optional.empty();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "chromium");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                found = Optional.of(candidate);
                break;
            }
        }
        Assumptions.assumeTrue(found.isPresent(), "no chromium binary on the PATH: install Debian's chromium "
                + "(apt-get install -y chromium, as .ci/run does) to open the HTML report in a headless browser");
        return found.get();
    }

    /** Runs headless chromium on a page with a fresh profile; returns its standard output. */
    private static String browse(Path page, String... extra) throws Exception {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = new ArrayList<>(List.of(chromium().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path log = Files.createTempFile(dir, "chromium", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 180 s: " + String.join(" ", command));
        }
        assertEquals(0, process.exitValue(), "chromium failed: " + String.join(" ", command) + "\n"
                + Files.readString(log));
        return out;
    }

    /** The text of an HTML document: tags dropped, the entities the serializer writes decoded. */
    private static String text(String dom) {
        String noStyle = dom.replaceAll("(?s)<style>.*?</style>", " ");
        return noStyle.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    }

    @Test
    void everyFindingIsInTheRenderedPage() throws Exception {
        String dom = browse(html, "--dump-dom");
        assertTrue(dom.contains("<h1>Runnerguard report</h1>"), dom);
        String text = text(dom);
        int findings = 0;
        for (JsonNode file : report.get("files")) {
            for (JsonNode finding : file.get("findings")) {
                findings++;
                String message = finding.get("message").asString();
                assertTrue(text.contains(message), "not in the rendered page: " + message);
                assertTrue(dom.contains("data-rule=\"" + finding.get("ruleId").asString() + "\""));
            }
        }
        assertTrue(findings > 20, "the examples have many findings: " + findings);
        Matcher rows = Pattern.compile("<tr class=\"finding ").matcher(dom);
        int shown = 0;
        while (rows.find()) {
            shown++;
        }
        assertEquals(findings, shown, "one table row per finding");
        String lower = dom.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains(" hidden") || lower.contains("display: none") || lower.contains("display:none")
                || lower.contains("visibility: hidden") || lower.contains("<details"), "nothing is hidden");
        assertTrue(text.contains("cap_drop is being cleaned up in MR !1234"), "the waiver is shown");
        for (String secret : SECRETS) {
            assertFalse(dom.contains(secret), "the page shows the secret " + secret);
        }
    }

    @Test
    void aScreenshotIsSavedForReview() throws Exception {
        Path png = ReportChecks.projectRoot().resolve("cli/target/report.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        browse(html, "--screenshot=" + png, "--window-size=1280,4000", "--hide-scrollbars");
        assertTrue(Files.isRegularFile(png), "no screenshot at " + png);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 50_000, "the screenshot is too small to show the report: " + bytes.length);
        assertEquals("\u0089PNG", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1));
    }

    @Test
    void thePageNamesNoNetworkAddress() throws Exception {
        String page = Files.readString(html);
        Matcher matcher = NETWORK_REFERENCE.matcher(page);
        assertFalse(matcher.find(), () -> "network reference: " + page.substring(Math.max(0, matcher.start() - 80),
                Math.min(page.length(), matcher.end() + 80)));
        assertFalse(page.toLowerCase(Locale.ROOT).contains("<script"));
        assertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; "
                + "style-src &#39;unsafe-inline&#39;\">"));
        assertEquals("default-src 'none'; style-src 'unsafe-inline'", HtmlReportWriter.CONTENT_SECURITY_POLICY);
        assertTrue(page.contains("https://docs.gitlab.com/"), "help links are there, as text");
    }

    @Test
    void theBrowserRefusesEveryRequestThePageMightMake() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread listener = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket connection = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    String line;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                        if (line.startsWith("GET ")) {
                            requests.incrementAndGet();
                        }
                    }
                    connection.getOutputStream().write(("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // closed, or the browser gave up on the connection
                }
            }
        }, "probe-server");
        listener.setDaemon(true);
        listener.start();
        try {
            String base = "http://127.0.0.1:" + server.getLocalPort();
            String page = Files.readString(html);
            // what a careless change to the writer could add: a style sheet, an image, a background, a script
            String probed = page.replace("</title>", "</title>\n<link rel=\"stylesheet\" href=\"" + base + "/a.css\">")
                    .replace("<body>", "<body>\n<img src=\"" + base + "/b.png\" alt=\"\"><div style=\"background: url("
                            + base + "/c.png)\">probe</div><script src=\"" + base + "/d.js\"></script>");
            assertTrue(probed.contains(base + "/b.png"));
            Path withPolicy = dir.resolve("probe.html");
            Files.writeString(withPolicy, probed, StandardCharsets.UTF_8);
            browse(withPolicy, "--dump-dom");
            assertEquals(0, requests.get(), "the Content-Security-Policy lets requests through");

            // the same page without the policy does reach the server: the probe works
            Path withoutPolicy = dir.resolve("probe-without-policy.html");
            Files.writeString(withoutPolicy, probed.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>",
                    ""), StandardCharsets.UTF_8);
            browse(withoutPolicy, "--dump-dom");
            assertTrue(requests.get() >= 3, "without the policy the browser fetches the probes: " + requests.get());
        } finally {
            server.close();
        }
    }
}
