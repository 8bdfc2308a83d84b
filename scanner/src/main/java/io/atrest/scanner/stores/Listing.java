package io.atrest.scanner.stores;

import io.atrest.scanner.inventory.CollectionError;

/**
 * A call that lists a kind of store: when it fails, the stores it would have named are unseen,
 * so history must not read their absence as deletion, and keys they might use are not judged
 * unused.
 *
 * @param operation the failed call as errors name it ("redshift:DescribeClusters")
 * @param resource what the call was scoped to ("engine=docdb" for a filtered listing), or null for any
 */
public record Listing(String operation, String resource) {

    public static Listing of(String operation) {
        return new Listing(operation, null);
    }

    public static Listing scoped(String operation, String resource) {
        return new Listing(operation, resource);
    }

    /** Whether {@code error} is a failure of this listing. */
    public boolean failed(CollectionError error) {
        return operation.equals(error.qualifiedOperation()) && (resource == null || resource.equals(error.resource()));
    }
}
