package io.atrest.scanner.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    @Test
    void factsKeepTheOrderTheyWereAddedInAndARepeatedFactTakesTheNewValueInPlace() {
        Verdict verdict = Verdict.fail("x").with("b", 1).with("a", 2).with("c", 3).with("a", 4);
        assertThat(verdict.evidence().keySet()).containsExactly("b", "a", "c");
        assertThat(verdict.evidence()).containsEntry("a", "4").hasSize(3);
        assertThat(verdict.evidence().get("missing")).isNull();
    }

    @Test
    void equalsAnyMapWithTheSameEntriesAndIsReadOnly() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("k", "v");
        expected.put("level", "restricted");
        Map<String, String> evidence = Verdict.pass("ok").with("k", "v").with("level", "restricted").evidence();
        assertThat(evidence).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(Evidence.of(expected)).isEqualTo(expected);
        assertThatThrownBy(() -> evidence.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> evidence.entrySet().iterator().next().setValue("y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aVerdictBecomingAFindingKeepsItsEvidenceWithoutACopy() {
        Verdict verdict = Verdict.fail("x").with("a", 1);
        Finding finding = new Finding("c", io.atrest.scanner.policy.Severity.LOW, verdict.outcome(), null, null,
                new ResourceRef(ResourceType.AwsS3Bucket, "arn:aws:s3:::b", "b", "1", "eu-west-1"), null, "x", verdict.evidence());
        assertThat(finding.evidence()).isSameAs(verdict.evidence());
        assertThat(new Finding("c", io.atrest.scanner.policy.Severity.LOW, Outcome.PASS, null, null, finding.resource(), null, "x", null)
                .evidence()).isEmpty();
    }
}
