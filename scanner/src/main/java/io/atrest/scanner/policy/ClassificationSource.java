package io.atrest.scanner.policy;

/** Where a store's classification came from. */
public enum ClassificationSource {
    RESOURCE_TAG,
    ACCOUNT_TAG,
    OU,
    POLICY_DEFAULT
}
