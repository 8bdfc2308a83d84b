package io.atrest.scanner.aws;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.internal.DefaultAdaptiveRetryStrategy;

/**
 * How a failed AWS call is retried, sized for a nightly batch job rather than an interactive
 * tool: many attempts, exponential backoff with full jitter capped at {@code maxBackoff}, and the
 * whole call bounded by the call timeout. The standard AWS settings choose it, in this order:
 * {@code --max-attempts} / {@code --retry-mode}, then {@code AWS_MAX_ATTEMPTS} / {@code AWS_RETRY_MODE}, then the
 * profile's {@code max_attempts} / {@code retry_mode}, then atrest's defaults.
 *
 * @param mode       legacy, standard or adaptive (the default: standard plus a client-side rate
 *                   limit that slows down when the service throttles)
 * @param maxAttempts attempts per call, the first one included
 * @param maxBackoff the longest wait between two attempts
 * @param source     where mode and attempts came from, for the log and the docs
 */
public record RetryPolicy(Mode mode, int maxAttempts, Duration maxBackoff, String source) {

    /** atrest's default attempts: throttling that clears within a minute or two never loses a fact. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);
    /** The first retry of a throttled call waits up to this long; each next one up to twice as long. */
    static final Duration THROTTLING_BASE_DELAY = Duration.ofMillis(500);
    /** The first retry of a transient failure (5xx, reset, attempt timeout) waits up to this long. */
    static final Duration TRANSIENT_BASE_DELAY = Duration.ofMillis(100);

    /** The retry modes of the AWS SDKs and CLI, spelt as {@code AWS_RETRY_MODE} spells them. */
    public enum Mode {
        LEGACY, STANDARD, ADAPTIVE;

        static Mode parse(String value, String where) {
            try {
                return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": '" + value + "' is not a retry mode (legacy, standard, adaptive)");
            }
        }
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1: " + maxAttempts);
        }
        if (maxBackoff.isNegative()) {
            throw new IllegalArgumentException("max backoff cannot be negative: " + maxBackoff);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(Mode.ADAPTIVE, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_BACKOFF, "default");
    }

    public RetryPolicy withMaxBackoff(Duration newMaxBackoff) {
        return new RetryPolicy(mode, maxAttempts, newMaxBackoff, source);
    }

    /**
     * Resolves the policy as the AWS SDKs and CLI do.
     *
     * @param modeOption        {@code --retry-mode}, or null
     * @param maxAttemptsOption {@code --max-attempts}, or null
     * @param profileName       {@code --profile}, or null for {@code AWS_PROFILE} / "default"
     * @param env               the environment
     * @param profiles          the shared config files, read only when needed
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static RetryPolicy resolve(String modeOption, Integer maxAttemptsOption, String profileName, Map<String, String> env,
                                      Supplier<ProfileFile> profiles) {
        String profile = profileName != null ? profileName : env.getOrDefault("AWS_PROFILE", "default");
        Lazy<Optional<software.amazon.awssdk.profiles.Profile>> fromFile =
                new Lazy<>(() -> profiles.get().profile(profile));
        Setting mode = Setting.first(modeOption, "--retry-mode", env, "AWS_RETRY_MODE", fromFile, ProfileProperty.RETRY_MODE, profile);
        Setting attempts = Setting.first(maxAttemptsOption == null ? null : String.valueOf(maxAttemptsOption), "--max-attempts",
                env, "AWS_MAX_ATTEMPTS", fromFile, "max_attempts", profile);
        return new RetryPolicy(
                mode == null ? Mode.ADAPTIVE : Mode.parse(mode.value(), mode.source()),
                attempts == null ? DEFAULT_MAX_ATTEMPTS : attempts(attempts.value(), attempts.source()),
                DEFAULT_MAX_BACKOFF,
                "mode from " + (mode == null ? "default" : mode.source())
                        + ", attempts from " + (attempts == null ? "default" : attempts.source()));
    }

    /** A setting's value and where it was found: the option, the environment variable, or the profile's key. */
    private record Setting(String value, String source) {

        /** The option, else a non-blank environment variable, else the profile's key; null when none gives it. */
        static Setting first(String option, String optionName, Map<String, String> env, String envName,
                             Lazy<Optional<software.amazon.awssdk.profiles.Profile>> fromFile, String key, String profile) {
            if (option != null) {
                return new Setting(option, optionName);
            }
            String fromEnv = env.get(envName);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return new Setting(fromEnv, envName);
            }
            return fromFile.get().flatMap(p -> p.property(key))
                    .map(value -> new Setting(value, key + " of profile " + profile))
                    .orElse(null);
        }
    }

    private static int attempts(String value, String where) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": '" + value + "' is not a number of attempts from 1 to 100");
    }

    /**
     * A new strategy for one client. Each client has its own, so adaptive mode's rate limit is
     * kept per service, region and account: one account's throttled S3 never slows another's.
     */
    public RetryStrategy strategy() {
        Duration throttlingBase = min(THROTTLING_BASE_DELAY, maxBackoff);
        Duration transientBase = min(TRANSIENT_BASE_DELAY, maxBackoff);
        // Full jitter: each wait is uniform in [0, min(cap, base * 2^attempt)], so clients that
        // were throttled together do not come back together.
        BackoffStrategy throttling = maxBackoff.isZero() ? BackoffStrategy.retryImmediately()
                : BackoffStrategy.exponentialDelay(throttlingBase, maxBackoff);
        BackoffStrategy transientFailures = maxBackoff.isZero() ? BackoffStrategy.retryImmediately()
                : BackoffStrategy.exponentialDelay(transientBase, maxBackoff);
        RetryStrategy.Builder<?, ?> builder = switch (mode) {
            case LEGACY -> AwsRetryStrategy.legacyRetryStrategy().toBuilder();
            // The retry quota ("circuit breaker") stops retrying once a client has seen many
            // failures in a row: right for an interactive call, wrong for a job that has hours,
            // where a burst of throttling must be waited out, not turned into missing facts.
            case STANDARD -> AwsRetryStrategy.standardRetryStrategy().toBuilder().circuitBreakerEnabled(false);
            case ADAPTIVE -> withoutRetryQuota(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder());
        };
        return builder.maxAttempts(maxAttempts)
                .backoffStrategy(transientFailures)
                .throttlingBackoffStrategy(throttling)
                .build();
    }

    /** Adaptive mode's public builder does not expose the retry quota; its implementation does. */
    private static RetryStrategy.Builder<?, ?> withoutRetryQuota(RetryStrategy.Builder<?, ?> adaptive) {
        if (adaptive instanceof DefaultAdaptiveRetryStrategy.Builder implementation) {
            return implementation.circuitBreakerEnabled(false);
        }
        return adaptive;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Reads the config files at most once, and only when a setting is not given otherwise. */
    private static final class Lazy<T> {
        private final Supplier<T> supplier;
        private T value;
        private boolean done;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (!done) {
                value = supplier.get();
                done = true;
            }
            return value;
        }
    }
}
