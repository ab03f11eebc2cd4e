package io.github.runnerguard.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import org.junit.jupiter.api.Test;

/** The HTML page: self-contained, every finding shown with its lines, secrets masked, waivers apart. */
class HtmlReportWriterTest {

    /** A {@code src}, {@code href} or CSS {@code url()} that points at the network. */
    static final Pattern NETWORK_REFERENCE = Pattern.compile(
            "(?i)(?:\\b(?:src|href|action|poster|data)\\s*=\\s*[\"']?\\s*(?:https?:)?//|url\\(\\s*[\"']?\\s*"
                    + "(?:https?:)?//|@import)");

    @Test
    void thePageLoadsNothing() {
        String html = HtmlReportWriter.create().toString(ReportFixtures.fleet());
        assertFalse(NETWORK_REFERENCE.matcher(html).find(), html);
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"));
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<link"));
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; "
                + "style-src &#39;unsafe-inline&#39;\">"), html);
        assertTrue(html.contains("https://docs.example.com/test.privileged"), "help links are shown as text");
    }

    @Test
    void theNetworkPatternCatchesWhatItMust() {
        for (String bad : List.of("<img src=\"https://x/y.png\">", "<a href='http://x'>", "<a href=//x/y>",
                "style=\"background: url( 'https://x/y.png')\"", "@import url(x.css)")) {
            assertTrue(NETWORK_REFERENCE.matcher(bad).find(), bad);
        }
        assertFalse(NETWORK_REFERENCE.matcher("<a href=\"#file-1\">More: https://docs.example.com</a>").find());
    }

    @Test
    void everyFindingIsOnThePageWithItsLinesAndRemediation() {
        AuditReport report = ReportFixtures.fleet();
        String html = HtmlReportWriter.create().toString(report);
        for (AuditFinding finding : report.findings()) {
            assertTrue(html.contains("data-rule=\"" + finding.finding().ruleId() + "\""), finding.toString());
            assertTrue(html.contains(Markup.escape(finding.finding().message())), finding.toString());
        }
        assertEquals(report.findings().size(), count(html, "<tr class=\"finding "));
        assertTrue(html.contains("<span class=\"line flagged\"><span class=\"ln\">12</span>    <mark>privileged</mark>"
                + " = true</span>"), html);
        assertTrue(html.contains("<span class=\"ln\">10</span>"), "two lines above");
        assertTrue(html.contains("# no privileged here"), "the remediation");
        assertTrue(html.contains("line 4, column 13: missing value for the key `executor`"), "the broken file");
    }

    @Test
    void suppressedFindingsAreListedApart() {
        String html = HtmlReportWriter.create().toString(ReportFixtures.fleet());
        int accepted = html.indexOf("<section class=\"accepted\"");
        assertTrue(accepted > 0);
        String before = html.substring(0, accepted);
        String after = html.substring(accepted);
        assertFalse(before.contains("data-rule=\"test.pull-policy\""), "suppressed findings are not in the tables");
        assertTrue(after.contains("data-rule=\"test.pull-policy\""));
        assertTrue(after.contains("DinD image builds, dedicated to the platform team"));
        assertTrue(after.contains("policy/runnerguard.toml:7"));
        assertTrue(after.contains("2026-12-31"));
        assertTrue(after.contains("inline comment"));
        assertEquals(2, count(after, "<tr class=\"finding suppressed"));
    }

    @Test
    void secretsAreMaskedInTheConfigLinesToo() {
        String html = HtmlReportWriter.create().toString(ReportFixtures.fleet());
        assertFalse(html.contains(ReportFixtures.SECRET_TOKEN), html);
        assertFalse(html.contains(ReportFixtures.SECRET_KEY), html);
        assertFalse(html.contains("glrt-brokenFileToken"), html);
        assertTrue(html.contains("<mark>token</mark> = &quot;glrt-\u2026&quot;"), html);
    }

    @Test
    void theFlaggedKeyIsFoundInTheMaskedLine() {
        assertArrayEquals(new String[] {"    ", "privileged", " = true"},
                HtmlReportWriter.highlight("    privileged = true", "    privileged = true", 5));
        assertArrayEquals(new String[] {"  ", "\"quoted key\"", " = 1"},
                HtmlReportWriter.highlight("  \"quoted key\" = 1", "  \"quoted key\" = 1", 3));
        assertArrayEquals(new String[] {"", "[[runners]]", ""},
                HtmlReportWriter.highlight("[[runners]]", "[[runners]]", 1));
        // a secret before the key shortens the line: the key is still found
        assertArrayEquals(new String[] {"x = { token = \"glrt-\u2026\", ", "url", " = \"u\" }"},
                HtmlReportWriter.highlight("x = { token = \"glrt-abcdefghij\", url = \"u\" }",
                        "x = { token = \"glrt-\u2026\", url = \"u\" }", 34));
        // positions in code points: an emoji before the key
        assertArrayEquals(new String[] {"\ud83d\ude00 ", "k", " = 1"},
                HtmlReportWriter.highlight("\ud83d\ude00 k = 1", "\ud83d\ude00 k = 1", 3));
        assertNull(HtmlReportWriter.highlight("k = 1", "k = 1", 9));
        assertNull(HtmlReportWriter.highlight("secretkey = 1", "\u2026 = 1", 1), "a masked key is not marked");
    }

    @Test
    void remediationSnippetsBecomeCodeBlocks() {
        assertEquals("<p>Turn it off:</p><pre class=\"snippet\">[runners.docker]\n  privileged = false</pre>"
                + "<p>Then restart.</p>", HtmlReportWriter.remediation(
                "Turn it off:\n\n  [runners.docker]\n    privileged = false\n\nThen restart.\n"));
        assertEquals("<p>List them:</p><pre class=\"snippet\">[runners.kubernetes]\n  allowed_images = [&quot;a&quot;]"
                + "</pre>", HtmlReportWriter.remediation("List them:\n[runners.kubernetes]\n  allowed_images = [\"a\"]"));
        assertEquals("<p>Just do it; a &lt; b.</p>", HtmlReportWriter.remediation("Just do it; a < b."));
    }

    @Test
    void textIsEscaped() {
        String toml = "[[runners]]\n  name = \"<script>alert(1)</script>\"\n  [runners.docker]\n"
                + "    privileged = true\n";
        AuditReport report = io.github.runnerguard.audit.Auditor.builder().rules(ReportFixtures.PRIVILEGED).build()
                .audit(toml, "<b>.toml");
        String html = HtmlReportWriter.create().toString(report);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>.toml"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
