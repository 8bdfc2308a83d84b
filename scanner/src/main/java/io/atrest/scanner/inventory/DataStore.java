package io.atrest.scanner.inventory;

import java.util.Map;

/**
 * Anything that keeps data at rest: a bucket, a volume, a snapshot, a database, a table, a
 * file system. The key graph and the classification-driven checks see stores only through
 * this.
 */
public interface DataStore {

    String accountId();

    String region();

    String arn();

    /** A name for people: bucket name, volume id, DB identifier. */
    String displayName();

    /** ASFF resource type name ("AwsEc2Volume"). */
    String resourceType();

    /** The store's tags; unknown when they could not be read. */
    Observed<Map<String, String>> storeTags();

    /** How the store is encrypted; unknown when that could not be read. */
    Observed<StoreEncryption> storeEncryption();
}
