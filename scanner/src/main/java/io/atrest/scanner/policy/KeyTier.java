package io.atrest.scanner.policy;

/** How strongly a store's data is protected at rest, weakest first. */
public enum KeyTier {
    /** Not encrypted at rest. */
    NONE,
    /** Encrypted with keys the service owns and manages (SSE-S3, DynamoDB's AWS-owned key). */
    PROVIDER_OWNED,
    /** A KMS key AWS manages for the account ({@code aws/s3}, {@code aws/ebs}, ...): auditable in CloudTrail, not controllable. */
    KMS_AWS_MANAGED,
    /** A KMS key the customer manages: its own policy, rotation, and separation of duties. */
    KMS_CUSTOMER_MANAGED;

    public boolean meets(KeyTier required) {
        return compareTo(required) >= 0;
    }
}
