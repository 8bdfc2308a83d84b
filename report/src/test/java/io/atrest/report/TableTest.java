package io.atrest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TableTest {
    private final Table table = new Table("run", "status", "note")
            .row(1L, "COMPLETE", "plain")
            .row(2L, "PARTIAL", "has, a comma and \"quotes\"")
            .row(3L, null, "Λίμνη");

    @Test
    void alignsColumnsForPeople() {
        String text = table.render(Table.Format.table);
        assertThat(text.lines().toList()).hasSize(4);
        assertThat(text.lines().toList().get(0)).startsWith("run  status    note");
        assertThat(text).contains("3    -         Λίμνη");
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        assertThat(table.render(Table.Format.csv)).isEqualTo(
                "run,status,note\r\n1,COMPLETE,plain\r\n2,PARTIAL,\"has, a comma and \"\"quotes\"\"\"\r\n3,,Λίμνη\r\n");
    }

    /** Text from the scanned accounts cannot become a spreadsheet formula or a terminal command. */
    @Test
    void cellsFromTheAccountsAreShownNotRun() {
        Table hostile = new Table("account", "delta", "note")
                .row("=HYPERLINK(\"http://evil\",\"x\")", -2.5, "+1")
                .row("@SUM(A1)", -3L, "-cmd")
                .row("\u001b]0;owned\u0007name", 0, "tab\there");
        String csv = hostile.render(Table.Format.csv);
        assertThat(csv.lines().skip(1).toList()).containsExactly(
                "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-2.5,'+1",
                "'@SUM(A1),-3,'-cmd",
                "\u001b]0;owned\u0007name,0,tab\there");
        String text = hostile.render(Table.Format.table);
        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").contains("?]0;owned?name").contains("tab here");
    }

    @Test
    void jsonIsAnArrayOfObjects() throws Exception {
        var tree = new ObjectMapper().readTree(table.render(Table.Format.json));
        assertThat(tree.size()).isEqualTo(3);
        assertThat(tree.get(1).path("note").asText()).isEqualTo("has, a comma and \"quotes\"");
        assertThat(tree.get(2).path("status").isNull()).isTrue();
    }
}
