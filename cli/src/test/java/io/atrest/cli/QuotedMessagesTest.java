package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The messages docs/errors.md quotes are the code's (#16.11): each fixed fragment of a quoted line
 * (the text between its examples, numbers and ellipses) appears in a string of the sources.
 */
class QuotedMessagesTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    /** Every main source, with adjacent string literals joined ("a " + "b" reads "a b"). */
    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("scanner", "sql", "report", "cli")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(f).replaceAll("\"\\s*\\+\\s*\"", "")).append('\n');
                }
            }
        }
        return all.toString();
    }

    /**
     * The fixed fragments of a quoted line: runs of three or more plain words (letters, with
     * commas, semicolons and brackets), broken at anything else: examples, paths, option names,
     * numbers, ellipses and placeholders in capitals (N, ID, PATH).
     */
    static List<String> fragments(String quoted) {
        List<String> fragments = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String text = quoted.replaceFirst("^atrest: ", "").replaceAll("[();]", " | ");
        for (String token : (text + " |").split("\\s+")) {
            boolean plain = token.matches("[(]?[a-z][a-z]*[,;)]?") || token.matches("[(]?[A-Z][a-z]+[,;)]?");
            if (plain) {
                run.add(token);
            } else {
                if (run.size() >= 3) {
                    fragments.add(String.join(" ", run));
                }
                run.clear();
            }
        }
        return fragments;
    }

    @Test
    void everyQuotedLineOfTheErrorReferenceIsPrintedByTheCode() throws IOException {
        String code = sources();
        String flat = code.replaceAll("\\s+", " ");
        String errors = Files.readString(ROOT.resolve("docs/errors.md"));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String row : errors.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| input") && !l.startsWith("|---")).toList()) {
            String[] cells = row.split("(?<!\\\\)\\|");
            if (cells.length < 4) {
                continue;
            }
            Matcher quoted = Pattern.compile("`([^`]+)`").matcher(cells[3]);
            while (quoted.find()) {
                for (String fragment : fragments(quoted.group(1))) {
                    checked++;
                    if (!printed(fragment, flat)) {
                        missing.add(fragment + "    (from: " + quoted.group(1) + ")");
                    }
                }
            }
        }
        assertThat(checked).as("fragments checked").isGreaterThan(30);
        assertThat(missing).as("quoted in docs/errors.md but printed by no code").isEmpty();
    }

    /**
     * Whether the code prints {@code fragment}: as one literal, or in at most three literals of two
     * or more words each, where a message puts a value between them ("is not " + what + " in the
     * stored history").
     */
    static boolean printed(String fragment, String code) {
        String[] words = fragment.split(" ");
        int pieces = 0;
        int i = 0;
        while (i < words.length) {
            int longest = -1;
            for (int j = words.length; j > i; j--) {
                String piece = String.join(" ", java.util.Arrays.copyOfRange(words, i, j));
                if ((j - i >= 2 || piece.length() >= 8) && code.contains(piece)) {
                    longest = j;
                    break;
                }
            }
            if (longest < 0) {
                return false;
            }
            pieces++;
            i = longest;
        }
        return pieces <= 3;
    }

    @Test
    void fragmentsLeaveOutExamplesAndNumbers() {
        assertThat(fragments("atrest: --regions: unknown region 'eu-west-9' in the list")).containsExactly("in the list");
        assertThat(fragments("atrest: another atrest scan is writing to this database (run N started ...)"))
                .containsExactly("another atrest scan is writing to this database");
        assertThat(printed("is not a check in the stored history", "\"is not \" + what + \" in the stored history\" \"a check\"")).isTrue();
        assertThat(printed("is not a check in the stored history", "\"is not \" + what")).isFalse();
    }
}
