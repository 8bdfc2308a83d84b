package io.atrest.cli;

import io.atrest.scanner.aws.AwsSettings;
import io.atrest.scanner.aws.RetryPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * How atrest reaches AWS and enters each account: endpoint, home region, profile, the role and
 * ExternalId, timeouts and retries. Shared by {@code scan}, {@code schedule} and {@code publish}.
 */
final class AwsConnectionOptions {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    @Option(names = "--endpoint-url", paramLabel = "URL", defaultValue = "${env:AWS_ENDPOINT_URL}",
            description = "Send every AWS call to this endpoint (LocalStack, moto). Default: $AWS_ENDPOINT_URL.")
    String endpointUrl;

    @Option(names = "--home-region", paramLabel = "REGION",
            description = "Home region for global calls (STS, Organizations, S3 listing); default: the AWS region chain, else us-east-1.")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile from the AWS config files.")
    String profile;

    @Option(names = "--role-name", paramLabel = "NAME", defaultValue = "OrganizationAccountAccessRole",
            description = "Role assumed in each member account (default: ${DEFAULT-VALUE}).")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID", description = "ExternalId to pass when assuming the role.")
    String externalId;

    @Option(names = "--call-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Longest one AWS call may take with its retries; past it the fact is NOT_EVALUATED (TIMEOUT) (default: ${DEFAULT-VALUE}).")
    int callTimeoutSeconds;

    @Option(names = "--max-attempts", paramLabel = "N",
            description = "Attempts per AWS call, the first included (default: $AWS_MAX_ATTEMPTS, else the profile's max_attempts, else 10).")
    Integer maxAttempts;

    @Option(names = "--retry-mode", paramLabel = "MODE",
            description = "legacy, standard or adaptive (default: $AWS_RETRY_MODE, else the profile's retry_mode, else adaptive).")
    String retryMode;

    @Option(names = "--max-backoff", paramLabel = "DURATION", defaultValue = "20s",
            description = "Longest wait between two attempts of a throttled or failed call, e.g. 20s, 500ms (default: ${DEFAULT-VALUE}).")
    String maxBackoff;

    @Option(names = "--attempt-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Longest one HTTP attempt may take before it is retried (default: ${DEFAULT-VALUE}).")
    int attemptTimeoutSeconds;

    /** Checks the options before anything is opened; bad input is a {@link UserError}. */
    void validate() {
        if (attemptTimeoutSeconds < 1 || callTimeoutSeconds < attemptTimeoutSeconds) {
            throw new UserError("--attempt-timeout must be at least 1 second and at most --call-timeout ("
                    + callTimeoutSeconds + " s)");
        }
        endpoint();
        retryPolicy();
        if (region != null) {
            checkRegion("--home-region", region);
        }
    }

    AwsSettings awsSettings() {
        requireProfile();
        return AwsSettings.defaults(homeRegion()).withEndpoint(endpoint()).withProfile(profile)
                .withTimeouts(Duration.ofSeconds(callTimeoutSeconds), Duration.ofSeconds(attemptTimeoutSeconds))
                .withRetry(retryPolicy());
    }

    /** --max-attempts, AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, the profile's max_attempts / retry_mode, then the defaults. */
    RetryPolicy retryPolicy() {
        Duration backoff = DurationText.parse("--max-backoff", maxBackoff);
        try {
            return RetryPolicy.resolve(retryMode, maxAttempts, profile, System.getenv(), AwsConnectionOptions::profileFile)
                    .withMaxBackoff(backoff);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** A --profile the config files do not hold is a configuration error in one line, not an SDK failure at the first call. */
    private void requireProfile() {
        if (profile == null) {
            return;
        }
        ProfileFile files = profileFile();
        if (files.profile(profile).isEmpty()) {
            java.util.Set<String> known = new java.util.TreeSet<>(files.profiles().keySet());
            throw new UserError("--profile: no profile '" + profile + "' in the AWS config files (~/.aws/config, ~/.aws/credentials, "
                    + "or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE)" + (known.isEmpty() ? "; they hold none"
                    : "; they hold: " + String.join(", ", known)));
        }
    }

    private static ProfileFile profileFile() {
        try {
            return ProfileFile.defaultProfileFile();
        } catch (RuntimeException e) {
            throw new UserError("cannot read the AWS config files: " + e.getMessage());
        }
    }

    private String homeRegion() {
        if (region != null) {
            checkRegion("--home-region", region);
            return region;
        }
        try {
            Region found = DefaultAwsRegionProviderChain.builder().build().getRegion();
            return found == null ? Defaults.REGION : found.id();
        } catch (SdkException e) {
            return Defaults.REGION;
        }
    }

    /** A region name the SDK knows; an emulator (--endpoint-url) may use any well-formed name. */
    void checkRegion(String option, String name) {
        if (!REGION.matcher(name).matches()) {
            throw new UserError(option + ": '" + name + "' is not an AWS region name");
        }
        boolean known = Region.regions().stream().anyMatch(r -> r.id().equals(name));
        if (!known && (endpointUrl == null || endpointUrl.isBlank())) {
            throw new UserError(option + ": unknown region '" + name + "'");
        }
    }

    private URI endpoint() {
        if (endpointUrl == null || endpointUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(endpointUrl.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(endpointUrl, "expected http(s)://host[:port]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UserError("--endpoint-url: '" + endpointUrl + "' is not an http(s) URL");
        }
    }

}
