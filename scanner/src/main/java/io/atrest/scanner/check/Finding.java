package io.atrest.scanner.check;

import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.policy.Severity;
import java.util.Map;

/**
 * One check's outcome for one resource, with the evidence it was judged on.
 *
 * @param classification the level of the data concerned, or null when it could not be known
 * @param reason for NOT_EVALUATED only
 * @param failedOperation for NOT_EVALUATED only: "s3:GetBucketEncryption"
 */
public record Finding(
        String checkId,
        Severity severity,
        Outcome outcome,
        ErrorReason reason,
        String failedOperation,
        ResourceRef resource,
        String classification,
        String message,
        Map<String, String> evidence) {

    public Finding {
        evidence = Evidence.of(evidence);
    }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }
}
