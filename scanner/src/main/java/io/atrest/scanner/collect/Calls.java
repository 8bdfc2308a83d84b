package io.atrest.scanner.collect;

import io.atrest.scanner.aws.AwsErrors;
import io.atrest.scanner.aws.ReadOnlyViolation;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.Observed;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Makes one API call for one account and region and turns its outcome into an
 * {@link Observed} fact. Error codes that mean "not configured" become the fact they stand
 * for; every other failure becomes a {@link CollectionError}, recorded and returned, never
 * swallowed.
 */
public final class Calls {
    private final String accountId;
    private final String region;
    private final InventoryBuilder sink;

    public Calls(String accountId, String region, InventoryBuilder sink) {
        this.accountId = accountId;
        this.region = region;
        this.sink = sink;
    }

    public <T> Observed<T> observe(String service, String operation, String resource, Supplier<T> call) {
        return observe(service, operation, resource, call, Set.of(), null);
    }

    public <T> Observed<T> observe(String service, String operation, String resource, Supplier<T> call,
                            Set<String> notConfiguredCodes, T whenNotConfigured) {
        try {
            return Observed.of(call.get());
        } catch (SdkException e) {
            rethrowGuard(e);
            if (AwsErrors.hasCode(e, notConfiguredCodes)) {
                return Observed.of(whenNotConfigured);
            }
            return Observed.failed(record(e, service, operation, resource));
        }
    }

    public CollectionError record(SdkException failure, String service, String operation, String resource) {
        CollectionError error = AwsErrors.toError(failure, accountId, region, service, operation, resource);
        sink.error(error);
        return error;
    }

    /** A refused mutating call is a bug in atrest, not a gap in the data: let it surface. */
    static void rethrowGuard(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ReadOnlyViolation violation) {
                throw violation;
            }
        }
    }
}
