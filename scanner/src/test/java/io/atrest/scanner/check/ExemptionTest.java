package io.atrest.scanner.check;

import static io.atrest.scanner.check.Scene.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.s3.S3Versioning;
import io.atrest.scanner.inventory.BucketVersioning;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.Exemption;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExemptionTest {
    private static S3Bucket unversioned(String name) {
        S3Bucket b = bucket(name, Scene.sseS3(), "confidential");
        return new S3Bucket(b.accountId(), b.name(), b.region(), b.createdAt(), b.encryption(),
                Observed.of(BucketVersioning.NEVER_ENABLED), b.publicAccessBlock(), b.policy(), b.tags());
    }

    private static List<Finding> evaluate(LocalDate expires) {
        ClassificationPolicy base = ClassificationPolicy.defaults();
        ClassificationPolicy policy = new ClassificationPolicy(base.tagKeys(), base.levels(), base.untaggedLevel(),
                base.inheritFromAccount(), base.ouLevels(), base.weights(), base.importedMaterialWarningDays(),
                List.of(new Exemption("arn:aws:s3:::legacy-*", null, null, List.of("s3-versioning"), "archive", expires)));
        return new Evaluator(CheckCatalog.of(List.of(new S3Versioning())), policy)
                .evaluate(new Scene().with(unversioned("legacy-1")).with(unversioned("current")).inventory(), Scene.NOW);
    }

    @Test
    void anActiveExemptionTurnsItsFailuresIntoAcceptedRisksNotNotApplicable() {
        List<Finding> findings = evaluate(LocalDate.parse("2027-01-01"));
        Finding legacy = findings.stream().filter(f -> f.resource().name().equals("legacy-1")).findFirst().orElseThrow();
        assertThat(legacy.outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(legacy.message()).startsWith("accepted until 2027-01-01: archive");
        assertThat(legacy.evidence()).containsKey("exemption").containsKey("failure").containsEntry("acceptedUntil", "2027-01-01");
        assertThat(findings.stream().filter(f -> f.resource().name().equals("current")).findFirst().orElseThrow().outcome())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void anExpiredExemptionStopsApplyingAndSaysSo() {
        Finding legacy = evaluate(LocalDate.parse("2026-11-01")).stream()
                .filter(f -> f.resource().name().equals("legacy-1")).findFirst().orElseThrow();
        assertThat(legacy.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(legacy.evidence()).containsKey("exemptionExpired");
        assertThat(legacy.message()).contains("exemption expired 2026-11-01");
    }
}
