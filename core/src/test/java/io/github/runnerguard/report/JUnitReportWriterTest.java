package io.github.runnerguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.Auditor;
import io.github.runnerguard.audit.FailOn;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** JUnit XML: a suite per file, a test case per rule and runner, failures at the threshold. */
class JUnitReportWriterTest {

    static {
        // the tests run inside the core module, which does not read java.xml; the parser is for the tests only
        JUnitReportWriterTest.class.getModule().addReads(ModuleLayer.boot().findModule("java.xml").orElseThrow());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> cases(Document document) {
        List<String> out = new ArrayList<>();
        NodeList cases = document.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            Element suite = (Element) testCase.getParentNode();
            String outcome = "passed";
            for (String kind : List.of("failure", "error", "skipped")) {
                if (testCase.getElementsByTagName(kind).getLength() > 0) {
                    outcome = kind;
                }
            }
            out.add(suite.getAttribute("name") + " | " + testCase.getAttribute("classname") + " | "
                    + testCase.getAttribute("name").replaceFirst(":.*", "") + " | " + outcome);
        }
        return out;
    }

    @Test
    void oneSuitePerFileAndOneCasePerRuleAndRunner() throws Exception {
        JUnitReportWriter writer = JUnitReportWriter.create().withRules(ReportFixtures.descriptors());
        Document document = parse(writer.toString(ReportFixtures.fleet()));
        List<String> cases = cases(document);
        assertEquals(List.of(
                "fleet/broken.toml | file | load | error",
                "fleet/empty.toml | global settings | test.privileged | passed",
                "fleet/empty.toml | global settings | test.pull-policy | passed",
                "fleet/empty.toml | global settings | test.listen | passed",
                "fleet/empty.toml | global settings | test.token | passed",
                "fleet/empty.toml | global settings | test.quiet | passed",
                "fleet/shared.toml | global settings | test.listen | failure",
                "fleet/shared.toml | runner \"shared-docker\" (#0) | test.privileged | failure",
                "fleet/shared.toml | runner \"shared-docker\" (#0) | test.pull-policy | skipped",
                "fleet/shared.toml | runner \"shared-docker\" (#0) | test.listen | passed",
                "fleet/shared.toml | runner \"shared-docker\" (#0) | test.token | passed",
                "fleet/shared.toml | runner \"shared-docker\" (#0) | test.quiet | passed",
                "fleet/shared.toml | runner \"dind-builder\" (#1) | test.privileged | skipped",
                "fleet/shared.toml | runner \"dind-builder\" (#1) | test.pull-policy | passed",
                "fleet/shared.toml | runner \"dind-builder\" (#1) | test.listen | passed",
                "fleet/shared.toml | runner \"dind-builder\" (#1) | test.token | passed",
                "fleet/shared.toml | runner \"dind-builder\" (#1) | test.quiet | passed"), cases);
        Element root = document.getDocumentElement();
        assertEquals("17", root.getAttribute("tests"));
        assertEquals("2", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"));
        assertEquals("2", root.getAttribute("skipped"));
        NodeList suites = document.getElementsByTagName("testsuite");
        int sum = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            assertEquals(suite.getElementsByTagName("testcase").getLength(),
                    Integer.parseInt(suite.getAttribute("tests")));
            sum += Integer.parseInt(suite.getAttribute("failures"));
        }
        assertEquals(2, sum);
    }

    @Test
    void theThresholdDecidesWhatFails() throws Exception {
        AuditReport report = ReportFixtures.fleet();
        assertEquals("4", parse(JUnitReportWriter.create().withFailOn(FailOn.LOW).toString(report))
                .getDocumentElement().getAttribute("failures"), "low: the two tokens fail too");
        assertEquals("1", parse(JUnitReportWriter.create().withFailOn(FailOn.CRITICAL).toString(report))
                .getDocumentElement().getAttribute("failures"));
        assertEquals("0", parse(JUnitReportWriter.create().withFailOn(FailOn.NEVER).toString(report))
                .getDocumentElement().getAttribute("failures"));
    }

    @Test
    void aFailureNamesTheFindingAndTheRemediation() throws Exception {
        Document document = parse(JUnitReportWriter.create().toString(ReportFixtures.fleet()));
        Element failure = (Element) document.getElementsByTagName("failure").item(1);
        assertEquals("critical", failure.getAttribute("type"));
        assertEquals("Runner \"shared-docker\" sets privileged = true", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().startsWith("fleet/shared.toml:12:5 critical Runner"),
                failure.getTextContent());
        assertTrue(failure.getTextContent().contains("# no privileged here"));
        Element skipped = (Element) document.getElementsByTagName("skipped").item(0);
        assertEquals("suppressed: only public images", skipped.getAttribute("message"));
    }

    @Test
    void withoutDescriptorsOnlyRulesWithFindingsMakeTestCases() throws Exception {
        List<String> cases = cases(parse(JUnitReportWriter.create().toString(ReportFixtures.fleet())));
        // the four rules with findings, for each runner of each loaded file, and the error of the broken file
        assertEquals(14, cases.size(), cases.toString());
        assertTrue(cases.stream().noneMatch(c -> c.contains("test.quiet")), cases.toString());
    }

    @Test
    void textThatIsNotXmlIsEscapedOrReplaced() throws Exception {
        String odd = "[[runners]]\n  name = \"a<b>&\\\"c\\u0001\ud83d\ude00\"\n  [runners.docker]\n"
                + "    privileged = true\n";
        AuditReport report = Auditor.builder().rules(ReportFixtures.PRIVILEGED).build().audit(odd, "odd&<.toml");
        Document document = parse(JUnitReportWriter.create().toString(report));
        Element testCase = (Element) document.getElementsByTagName("testcase").item(0);
        assertEquals("runner \"a<b>&\"c\uFFFD\ud83d\ude00\" (#0)", testCase.getAttribute("classname"));
        assertEquals("odd&<.toml", ((Element) testCase.getParentNode()).getAttribute("name"));
        assertEquals("a&lt;b&gt;&amp;&quot;&#39;\uFFFD", Markup.escape("a<b>&\"'\u0001"));
        assertEquals("\uFFFDx", Markup.escape("\ud83dx"), "an unpaired surrogate is replaced");
    }
}
