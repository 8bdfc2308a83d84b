package io.atrest.report.export;

import io.atrest.scanner.policy.Severity;
import io.atrest.sql.StoredFinding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, so any CI system shows a gate's result as tests: one test suite per account, one
 * test case per check and resource (class name the check, name the resource). A failure at or
 * above the gate's severity is a {@code <failure>}; a failure below it, an accepted risk, a check
 * that could not be made and one that does not apply are {@code <skipped>} with why. The findings
 * come sorted by account: one account's cases are held at a time, for the suite's counts.
 */
final class JunitExport implements FindingWriter {
    private final XMLStreamWriter xml;
    private final Severity failOn;
    private final List<ExportedFinding> suite = new ArrayList<>();

    JunitExport(ExportContext context, Writer out, Severity failOn) throws IOException {
        this.failOn = failOn;
        try {
            this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "atrest run " + context.run().id());
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void write(ExportedFinding f) throws IOException {
        if (f.resourceGone()) {
            return; // a deleted resource is no test of this run
        }
        if (!suite.isEmpty() && !suite.get(0).finding().accountId().equals(f.finding().accountId())) {
            writeSuite();
        }
        suite.add(f);
    }

    private boolean failing(ExportedFinding f) {
        return "FAIL".equals(f.finding().outcome()) && Severity.valueOf(f.finding().severity()).atLeast(failOn);
    }

    private void writeSuite() throws IOException {
        try {
            long failures = suite.stream().filter(this::failing).count();
            long skipped = suite.stream().filter(f -> !failing(f) && !"PASS".equals(f.finding().outcome())).count();
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suite.get(0).finding().accountId());
            xml.writeAttribute("tests", Integer.toString(suite.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(skipped));
            xml.writeCharacters("\n");
            for (ExportedFinding f : suite) {
                testCase(f);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        suite.clear();
    }

    private void testCase(ExportedFinding e) throws XMLStreamException {
        StoredFinding f = e.finding();
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", f.checkId());
        xml.writeAttribute("name", text(f.resourceArn()));
        if (failing(e)) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", f.severity());
            xml.writeAttribute("message", text(f.message()));
            xml.writeCharacters(text(f.severity() + " " + f.checkId() + " on " + f.resourceArn() + ": " + f.message()));
            xml.writeEndElement();
        } else if (!"PASS".equals(f.outcome())) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", switch (f.outcome()) {
                case "FAIL" -> "failing below --fail-on " + failOn + ": " + text(f.message());
                case "SUPPRESSED" -> text(f.message());
                case "NOT_EVALUATED" -> "not evaluated: " + f.reason() + " (" + f.failedOperation() + ")";
                default -> "not applicable: " + text(f.message());
            });
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** The text as XML 1.0 can hold it: characters it forbids (controls from a scanned tag, say) become U+FFFD. */
    private static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(s.length());
        s.codePoints().forEach(c -> clean.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF ? c : 0xFFFD));
        return clean.toString();
    }

    @Override
    public void close() throws IOException {
        if (!suite.isEmpty()) {
            writeSuite();
        }
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
