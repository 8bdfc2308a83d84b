package io.atrest.scanner.check;

import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.S3Bucket;
import java.util.List;

/** A check judged once per S3 bucket. */
public abstract class BucketCheck extends StoreCheck<S3Bucket> {

    @Override
    protected final List<S3Bucket> stores(Inventory inventory) {
        return inventory.buckets();
    }
}
