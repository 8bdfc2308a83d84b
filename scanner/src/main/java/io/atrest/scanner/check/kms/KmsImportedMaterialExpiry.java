package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.KeyCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.KeyOrigin;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Severity;
import java.time.Duration;

/** Imported key material does not expire soon; expired material is critical (the key is unusable). */
public final class KmsImportedMaterialExpiry extends KeyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-imported-material-expiry")
            .title("Imported KMS key material does not expire soon")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.HIGH)
            .passesWhen("Keys with imported material (origin EXTERNAL) have material that does not expire, or expires after the "
                    + "policy's warning window (30 days by default). Expired material is critical.")
            .rationale("When imported material expires KMS deletes it and the key stops working: every store under it is "
                    + "unreadable until the same material is imported again, if anyone still has it.")
            .remediation("Re-import the same key material with a later expiry (KMS console > key > Key material > Reimport), "
                            + "or import it with no expiry.",
                    "aws kms get-parameters-for-import --key-id <key-id> --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_4096 "
                            + "&& aws kms import-key-material --key-id <key-id> --import-token fileb://token --encrypted-key-material fileb://material "
                            + "--expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(KmsKey key, Evaluation evaluation) {
        if (key.origin() != KeyOrigin.EXTERNAL) {
            return Verdict.notApplicable("key material from " + key.origin()).with("origin", key.origin());
        }
        if (key.validTo() == null) {
            return Verdict.pass("imported material does not expire").with("validTo", "never");
        }
        long days = Duration.between(evaluation.now(), key.validTo()).toDays();
        int window = evaluation.policy().importedMaterialWarningDays();
        if (!key.validTo().isAfter(evaluation.now())) {
            return Verdict.fail("imported material expired on " + key.validTo()).withSeverity(Severity.CRITICAL)
                    .with("validTo", key.validTo()).with("stores", evaluation.storesProtectedBy(key).size());
        }
        if (days <= window) {
            return Verdict.fail("imported material expires in " + days + " day(s)").with("validTo", key.validTo())
                    .with("daysLeft", days).with("stores", evaluation.storesProtectedBy(key).size());
        }
        return Verdict.pass("imported material valid for " + days + " more days").with("validTo", key.validTo());
    }
}
