package io.atrest.scanner.fake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Records every operation the fakes serve ("S3:GetBucketEncryption", as the SDK names the
 * service) and injects failures by operation, optionally per resource and account.
 */
public final class CallLog {
    // Not copy-on-write: a benchmark serves a hundred thousand calls.
    private final java.util.Queue<String> calls = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<String[]> onResource = new java.util.ArrayList<>();
    private final Map<String, Supplier<? extends RuntimeException>> failures = new ConcurrentHashMap<>();

    private volatile long latencyNanos;
    private volatile SimulatedThrottling throttling;

    /** Every call served takes this long, like a remote API: for benchmarks of the scan engine. */
    public CallLog latency(java.time.Duration latency) {
        this.latencyNanos = latency.toNanos();
        return this;
    }

    /** Throttle calls as AWS would and retry them as the scan's SDK clients would: for benchmarks. */
    public CallLog throttling(SimulatedThrottling newThrottling) {
        this.throttling = newThrottling;
        return this;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Every call that named a resource: {"Service:Operation", resource} (an ARN, a name, a queue URL: what the request names). */
    public List<String[]> resourceCalls() {
        synchronized (onResource) {
            return List.copyOf(onResource);
        }
    }

    /** The calls served on resources whose ARN begins with {@code prefix}, as "Service:Operation". */
    public List<String> callsOnPrefix(String prefix) {
        return resourceCalls().stream().filter(c -> c[1].startsWith(prefix)).map(c -> c[0]).toList();
    }

    /** The calls served on one resource (an ARN), as "Service:Operation". */
    public List<String> callsOn(String resource) {
        return resourceCalls().stream().filter(c -> c[1].equals(resource)).map(c -> c[0]).toList();
    }

    /** Fail {@code sdkService:operation} (optionally {@code :resource}) with an AWS error code and status. */
    public CallLog fail(String key, String errorCode, int status) {
        failures.put(key, () -> error(errorCode, status));
        return this;
    }

    public CallLog fail(String key, Supplier<? extends RuntimeException> failure) {
        failures.put(key, failure);
        return this;
    }

    void serve(String accountId, String sdkService, String operation, String resource) {
        if (throttling != null) {
            throttling.admit(accountId, sdkService, latencyNanos);
        }
        calls.add(sdkService + ":" + operation);
        if (resource != null) {
            synchronized (onResource) {
                onResource.add(new String[] {sdkService + ":" + operation, resource});
            }
        }
        if (latencyNanos > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(latencyNanos);
        }
        for (String key : List.of(
                sdkService + ":" + operation + ":" + resource + "@" + accountId,
                sdkService + ":" + operation + ":" + resource,
                sdkService + ":" + operation + "@" + accountId,
                sdkService + ":" + operation)) {
            Supplier<? extends RuntimeException> failure = failures.get(key);
            RuntimeException error = failure == null ? null : failure.get();
            if (error != null) {
                throw error; // a supplier may answer null to let this call through
            }
        }
    }

    public static AwsServiceException error(String code, int status) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " (injected)").build())
                .message(code + " (injected)")
                .build();
    }
}
