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
 * @param maxConnections HTTP connections in the shared pool
 */
public record AwsSettings(
        URI endpointUrl,
        String homeRegion,
        String profile,
        Duration callTimeout,
        Duration attemptTimeout,
        int maxConnections) {

    public static AwsSettings defaults(String homeRegion) {
        return new AwsSettings(null, homeRegion, null, Duration.ofSeconds(60), Duration.ofSeconds(20), 64);
    }

    public AwsSettings withEndpoint(URI endpoint) {
        return new AwsSettings(endpoint, homeRegion, profile, callTimeout, attemptTimeout, maxConnections);
    }

    /** How long one API call may take with its retries, and one HTTP attempt of it. */
    public AwsSettings withTimeouts(Duration call, Duration attempt) {
        if (attempt.compareTo(call) > 0) {
            throw new IllegalArgumentException("an attempt cannot outlast its call: " + attempt + " > " + call);
        }
        return new AwsSettings(endpointUrl, homeRegion, profile, call, attempt, maxConnections);
    }

    public AwsSettings withProfile(String newProfile) {
        return new AwsSettings(endpointUrl, homeRegion, newProfile, callTimeout, attemptTimeout, maxConnections);
    }
}
