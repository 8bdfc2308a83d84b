package io.atrest.scanner.aws;

import java.net.URI;
import java.time.Duration;

/**
 * How atrest talks to AWS.
 *
 * @param endpointUrl one endpoint for every service (LocalStack, moto), or null for AWS itself
 * @param homeRegion the region for global calls (Organizations, STS, ListBuckets) and the default scan region
 * @param profile a named profile from the shared config files, or null for the default chain
 * @param callTimeout the deadline of one API call including its retries
 * @param attemptTimeout the deadline of one HTTP attempt
 * @param maxConnections HTTP connections kept open per host for reuse (the JDK's keep-alive cache)
 * @param retry how failed calls are retried
 */
public record AwsSettings(
        URI endpointUrl,
        String homeRegion,
        String profile,
        Duration callTimeout,
        Duration attemptTimeout,
        int maxConnections,
        RetryPolicy retry) {

    /**
     * Long enough for {@link RetryPolicy#DEFAULT_MAX_ATTEMPTS} attempts with their backoff (at most
     * about 90 s of waiting between them), short enough that a call that hangs is given up.
     */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(20);

    public AwsSettings {
        java.util.Objects.requireNonNull(retry, "retry");
    }

    public static AwsSettings defaults(String homeRegion) {
        return new AwsSettings(null, homeRegion, null, DEFAULT_CALL_TIMEOUT, DEFAULT_ATTEMPT_TIMEOUT, 64, RetryPolicy.defaults());
    }

    public AwsSettings withRetry(RetryPolicy newRetry) {
        return new AwsSettings(endpointUrl, homeRegion, profile, callTimeout, attemptTimeout, maxConnections, newRetry);
    }

    public AwsSettings withEndpoint(URI endpoint) {
        return new AwsSettings(endpoint, homeRegion, profile, callTimeout, attemptTimeout, maxConnections, retry);
    }

    /** How long one API call may take with its retries, and one HTTP attempt of it. */
    public AwsSettings withTimeouts(Duration call, Duration attempt) {
        if (attempt.compareTo(call) > 0) {
            throw new IllegalArgumentException("an attempt cannot outlast its call: " + attempt + " > " + call);
        }
        return new AwsSettings(endpointUrl, homeRegion, profile, call, attempt, maxConnections, retry);
    }

    public AwsSettings withProfile(String newProfile) {
        return new AwsSettings(endpointUrl, homeRegion, newProfile, callTimeout, attemptTimeout, maxConnections, retry);
    }
}
