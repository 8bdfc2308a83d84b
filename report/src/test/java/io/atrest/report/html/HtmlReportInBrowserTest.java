package io.atrest.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrest.report.account.AccountReport;
import io.atrest.report.management.ManagementReport;
import io.atrest.report.management.ManagementReportFixture;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML reports as a person sees them, in a real browser (Debian's headless Chromium) on a
 * laptop (1280 px) and a phone (390 px): no sideways scrolling, no text under 12 px, no table wider
 * than the screen, every chart with a title and a description, the layout each width is made for
 * (cards on a phone), and tables that sort and filter. Screenshots land in target/screenshots.
 *
 * <p>CI installs Chromium and sets ATREST_BROWSER_TESTS=required, so there a missing browser fails;
 * elsewhere these tests are skipped without it.
 */
class HtmlReportInBrowserTest {
    private static final List<String> MANAGEMENT_SECTIONS = List.of("trend", "accounts", "ous", "weeks", "checks", "levels", "keys",
            "readers", "coverage");

    @TempDir
    static Path dir;
    private static Chromium browser;
    private static Path management;
    private static Path account;

    @BeforeAll
    static void start() throws Exception {
        boolean required = "required".equals(System.getenv("ATREST_BROWSER_TESTS"));
        assertThat(!required || Chromium.installed()).as("ATREST_BROWSER_TESTS=required but " + Chromium.BINARY + " is missing").isTrue();
        assumeTrue(Chromium.installed(), "no " + Chromium.BINARY + ": the browser tests are skipped");
        management = dir.resolve("management.html");
        try (OutputStream out = Files.newOutputStream(management)) {
            HtmlReport.write(ManagementReportFixture.report(), out);
        }
        account = dir.resolve("account.html");
        try (OutputStream out = Files.newOutputStream(account)) {
            HtmlReport.write(ManagementReportFixture.accountReport(), out);
        }
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private static JsonNode probe(Path page, int width) throws Exception {
        browser.open(page, width, 900);
        String script;
        try (InputStream in = HtmlReportInBrowserTest.class.getResourceAsStream("layout-probe.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode seen = browser.evaluate(script);
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(page.getFileName().toString().replace(".html", "") + "-" + width + ".png"), browser.screenshot(width));
        return seen;
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 390})
    void theManagementReportFitsTheScreenAndReadsAtAnyWidth(int width) throws Exception {
        JsonNode seen = probe(management, width);
        assertThat(seen.path("title").asText()).isEqualTo("Data protection at rest: o-test1, last 30 days");
        assertThat(seen.path("scrollWidth").asInt()).as("horizontal scroll").isLessThanOrEqualTo(seen.path("viewport").asInt());
        assertThat(seen.path("smallest").path("size").asDouble()).as("smallest text: " + seen.path("smallest")).isGreaterThanOrEqualTo(12.0);
        for (JsonNode table : seen.path("tables")) {
            assertThat(table.path("right").asInt()).as("table " + table.path("id").asText()).isLessThanOrEqualTo(seen.path("viewport").asInt());
        }
        List<JsonNode> shown = new ArrayList<>();
        for (JsonNode chart : seen.path("charts")) {
            assertThat(chart.path("title").asText()).isNotBlank();
            assertThat(chart.path("desc").asText()).isNotBlank();
            if (chart.path("shown").asBoolean()) {
                shown.add(chart);
            }
        }
        assertThat(shown).as("one drawing of each of the three charts").hasSize(3);
        assertThat(seen.path("sections")).extracting(JsonNode::asText).containsExactlyElementsOf(MANAGEMENT_SECTIONS);
        // The checked layout: rows of a table on a laptop, one card per row on a phone.
        assertThat(seen.path(width < 600 ? "stacked" : "flat").asBoolean()).as(seen.toString()).isTrue();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 390})
    void theAccountReportFitsTheScreenAndReadsAtAnyWidth(int width) throws Exception {
        JsonNode seen = probe(account, width);
        assertThat(seen.path("scrollWidth").asInt()).as("horizontal scroll").isLessThanOrEqualTo(seen.path("viewport").asInt());
        assertThat(seen.path("smallest").path("size").asDouble()).as("smallest text: " + seen.path("smallest")).isGreaterThanOrEqualTo(12.0);
        for (JsonNode table : seen.path("tables")) {
            assertThat(table.path("right").asInt()).as("table " + table.path("id").asText()).isLessThanOrEqualTo(seen.path("viewport").asInt());
        }
        assertThat(seen.path("sections")).extracting(JsonNode::asText).containsExactly("failing", "accepted", "gaps");
        assertThat(seen.path(width < 600 ? "stacked" : "flat").asBoolean()).as(seen.toString()).isTrue();
    }

    @Test
    void aColumnSortsBothWaysAndTheFilterNarrowsTheRows() throws Exception {
        browser.open(management, 1280, 900);
        String scores = "[...document.querySelectorAll('#accounts-table tbody tr')].map(r => r.cells[2].textContent.trim()).join(' ')";
        assertThat(browser.evaluate(scores).asText()).isEqualTo("71.0 88.0 99.0");
        browser.evaluate("document.querySelectorAll('#accounts-table th')[2].click()");
        browser.evaluate("document.querySelectorAll('#accounts-table th')[2].click()");
        assertThat(browser.evaluate(scores).asText()).isEqualTo("99.0 88.0 71.0");
        browser.evaluate("(() => { const i = document.querySelector('input[data-filter=accounts-table]'); i.value = 'Хранилище';"
                + " i.dispatchEvent(new Event('input')); })()");
        assertThat(browser.evaluate("[...document.querySelectorAll('#accounts-table tbody tr')].filter(r => !r.hidden).length").asInt())
                .isEqualTo(1);
        assertThat(browser.evaluate("document.getElementById('accounts-table-count').textContent").asText()).isEqualTo("1 of 3 shown");
    }

    @Test
    void aReportOpensWithoutTheNetwork() throws Exception {
        browser.open(management, 1280, 900);
        // Every resource the page loaded is the page itself: no font, script, style or image from elsewhere.
        assertThat(browser.evaluate("performance.getEntriesByType('resource').length").asInt()).isZero();
    }
}
