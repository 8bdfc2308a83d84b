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

    @Test
    void jsonIsAnArrayOfObjects() throws Exception {
        var tree = new ObjectMapper().readTree(table.render(Table.Format.json));
        assertThat(tree.size()).isEqualTo(3);
        assertThat(tree.get(1).path("note").asText()).isEqualTo("has, a comma and \"quotes\"");
        assertThat(tree.get(2).path("status").isNull()).isTrue();
    }
}
