package io.atrest.sql.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.ResourceRef;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.policy.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StateHashTest {
    private static final ResourceRef BUCKET = new ResourceRef(ResourceType.AwsS3Bucket, "arn:aws:s3:::b", "b", "123456789012", "eu-west-1");

    private static Finding finding(String check, Severity severity, Outcome outcome, ErrorReason reason, String operation,
                                   String classification, String message, Map<String, String> evidence) {
        return new Finding(check, severity, outcome, reason, operation, BUCKET, classification, message, evidence);
    }

    @Test
    void theQuickDigestMovesWithEveryFieldTheStateHashReadsAndWithTheCheck() {
        Map<String, String> evidence = Map.of("versioning", "Enabled", "level", "restricted");
        Finding base = finding("s3-versioning", Severity.HIGH, Outcome.FAIL, null, null, "restricted", "off", evidence);
        List<Finding> variants = List.of(
                base,
                finding("s3-mfa-delete", Severity.HIGH, Outcome.FAIL, null, null, "restricted", "off", evidence),
                finding("s3-versioning", Severity.LOW, Outcome.FAIL, null, null, "restricted", "off", evidence),
                finding("s3-versioning", Severity.HIGH, Outcome.PASS, null, null, "restricted", "off", evidence),
                finding("s3-versioning", Severity.HIGH, Outcome.NOT_EVALUATED, ErrorReason.ACCESS_DENIED, "s3:GetBucketVersioning",
                        "restricted", "off", evidence),
                finding("s3-versioning", Severity.HIGH, Outcome.NOT_EVALUATED, ErrorReason.THROTTLED, "s3:GetBucketVersioning",
                        "restricted", "off", evidence),
                finding("s3-versioning", Severity.HIGH, Outcome.FAIL, null, null, "confidential", "off", evidence),
                finding("s3-versioning", Severity.HIGH, Outcome.FAIL, null, null, null, "off", evidence),
                finding("s3-versioning", Severity.HIGH, Outcome.FAIL, null, null, "restricted", "of", evidence),
                finding("s3-versioning", Severity.HIGH, Outcome.FAIL, null, null, "restricted", "off",
                        Map.of("versioning", "Suspended", "level", "restricted")),
                finding("s3-versioning", Severity.HIGH, Outcome.FAIL, null, null, "restricted", "off",
                        Map.of("versioninG", "Enabled", "level", "restricted")),
                finding("s3-versioning", Severity.HIGH, Outcome.FAIL, null, null, "restricted", "off", Map.of("versioning", "Enabled")),
                // moving text from one field to the next is a change too
                finding("s3-versioning", Severity.HIGH, Outcome.FAIL, null, null, "restrictedoff", "", evidence),
                finding("s3-versioning", Severity.HIGH, Outcome.FAIL, null, null, "restricted", "off",
                        Map.of("versioning", "Enabledlevel", "", "restricted")));
        Set<Long> quick = variants.stream().map(StateHash::quick).collect(Collectors.toSet());
        assertThat(quick).hasSameSizeAs(variants);
        Set<Long> sha = variants.stream().map(StateHash::of).collect(Collectors.toSet());
        assertThat(sha).as("sanity: the state hash tells the same variants apart, check id aside").hasSize(variants.size() - 1);
    }

    @Test
    void theQuickDigestIgnoresTheOrderOfEvidenceAsTheStateHashDoes() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        Finding one = finding("c", Severity.LOW, Outcome.PASS, null, null, null, "m", ab);
        Finding other = finding("c", Severity.LOW, Outcome.PASS, null, null, null, "m", ba);
        assertThat(StateHash.quick(one)).isEqualTo(StateHash.quick(other));
        assertThat(StateHash.of(one)).isEqualTo(StateHash.of(other));
    }
}
