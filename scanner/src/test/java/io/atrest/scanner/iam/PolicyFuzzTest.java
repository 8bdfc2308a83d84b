package io.atrest.scanner.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the input, parsing either gives a document the analysers answer for, or
 * fails with a PolicyParseException, never any other exception. Inputs are random mutations
 * of real policies plus random JSON-ish text, from a fixed seed so a failure replays.
 */
class PolicyFuzzTest {
    private static final String[] SEEDS = {
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":[\"vpce-1\"]}}}]}",
        "{\"Statement\":{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"1\"]},\"NotAction\":\"kms:*\",\"Condition\":"
                + "{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":false}}}}",
    };
    private static final String ALPHABET = "{}[]\":,*AllowDenyStatementPrincipalActionCondition 0123456789-.\\nulltruefalse";

    @Test
    void noInputMakesTheParserOrAnalysersThrowAnythingButAParseError() {
        SplittableRandom random = new SplittableRandom(20261127);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            String input = i % 2 == 0 ? mutate(SEEDS[random.nextInt(SEEDS.length)], random) : noise(random);
            try {
                PolicyDocument doc = PolicyDocument.parse(input);
                PublicAccess.publicGrants(doc);
                BucketPolicyAnalysis.deniesUnencryptedPut(doc, "arn:aws:s3:::b", true);
                BucketPolicyAnalysis.enforcesSecureTransport(doc, "arn:aws:s3:::b");
                BucketPolicyAnalysis.allowedNetworks(doc, "arn:aws:s3:::b");
                KeyPolicyAnalysis.grantsToPrincipals(doc, "1");
                parsed++;
            } catch (PolicyParseException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(parsed).as("the mutations keep some inputs valid").isGreaterThan(100);
    }

    private static String mutate(String seed, SplittableRandom random) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return s.toString();
    }

    private static String noise(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
