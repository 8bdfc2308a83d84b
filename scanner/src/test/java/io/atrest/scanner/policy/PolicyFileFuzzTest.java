package io.atrest.scanner.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.CheckCatalog;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever text a user puts in a policy file, loading it either gives a policy or
 * fails with a PolicyFileException naming the file (one line per error), never any other
 * exception. Inputs are random mutations of the commented default file plus random YAML-ish
 * text, from a fixed seed so a failure replays.
 */
class PolicyFileFuzzTest {
    private static final Set<String> CHECKS = CheckCatalog.standard().checks().stream().map(c -> c.info().id()).collect(Collectors.toSet());
    private static final String ALPHABET = "{}[]:,-'\"#&*!|>%@ \n\t\u0000\u00e9\ud83dlevelsinternalrestrictedkeyTiercustomerManaged0123456789.truefalsenull";

    @Test
    void noInputMakesTheLoaderThrowAnythingButAPolicyFileError() {
        SplittableRandom random = new SplittableRandom(20261127);
        String seed = PolicyFile.defaultYaml();
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < 3_000; i++) {
            String input = i % 3 == 2 ? noise(random) : mutate(seed, random, 1 + random.nextInt(4));
            try {
                assertThat(PolicyFile.parse(input, "fuzz.yaml", CHECKS)).isNotNull();
                loaded++;
            } catch (PolicyFileException e) {
                assertThat(e.getMessage()).startsWith("fuzz.yaml");
                refused++;
            }
        }
        assertThat(loaded).as("some mutations stay valid").isGreaterThan(50);
        assertThat(refused).as("most do not").isGreaterThan(1_000);
    }

    private static String mutate(String text, SplittableRandom random, int edits) {
        StringBuilder s = new StringBuilder(text);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(12)));
                case 2 -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(40))));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    private static String noise(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(300);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
