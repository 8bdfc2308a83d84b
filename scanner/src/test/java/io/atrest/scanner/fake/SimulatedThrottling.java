package io.atrest.scanner.fake;

import io.atrest.scanner.aws.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * Throttling as AWS answers it, for the fakes, and the retries the scan's SDK clients would make:
 * the fakes bypass the SDK's pipeline, so each call here is driven through the real
 * {@link RetryStrategy} that {@link RetryPolicy} builds (one per account and service, as one
 * client each), waiting the delays it gives (backoff, and adaptive mode's client-side rate limit)
 * and giving up when it does.
 *
 * <p>A call is throttled when its service's token bucket is empty (a service-wide rate limit, as
 * Organizations enforces for the whole organization) or, independently, with a seeded
 * probability. Each attempt, throttled or not, costs the fake's latency.
 */
public final class SimulatedThrottling {
    private final RetryPolicy policy;
    private final double fraction;
    private final long seed;
    private final Map<String, TokenBucket> limits;
    private final Map<String, RetryStrategy> strategies = new ConcurrentHashMap<>();
    private final AtomicLong draws = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final Map<String, AtomicLong> attemptsByService = new ConcurrentHashMap<>();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong waitedNanos = new AtomicLong();

    /**
     * @param fraction share of attempts throttled at random, on every service
     * @param ratePerSecond a rate limit per SDK service name ("Organizations"), burst equal to the rate
     */
    public SimulatedThrottling(RetryPolicy policy, double fraction, Map<String, Double> ratePerSecond, long seed) {
        if (fraction < 0 || fraction >= 1) {
            throw new IllegalArgumentException("fraction must be in [0, 1): " + fraction);
        }
        this.policy = policy;
        this.fraction = fraction;
        this.seed = seed;
        this.limits = new ConcurrentHashMap<>();
        ratePerSecond.forEach((service, rate) -> limits.put(service, new TokenBucket(rate)));
    }

    /** Attempts made, throttled answers included: what AWS would count. */
    public long attempts() {
        return attempts.get();
    }

    /** Attempts made to one SDK service ("Organizations"). */
    public long attempts(String sdkService) {
        AtomicLong n = attemptsByService.get(sdkService);
        return n == null ? 0 : n.get();
    }

    public long throttled() {
        return throttled.get();
    }

    /** Calls that failed past every retry. */
    public long gaveUp() {
        return gaveUp.get();
    }

    /** Time all callers together spent waiting between attempts. */
    public Duration waited() {
        return Duration.ofNanos(waitedNanos.get());
    }

    /** Attempts the call until it is not throttled; throws the last throttle once the strategy gives up. */
    void admit(String accountId, String sdkService, long latencyNanos) {
        RetryStrategy strategy = strategies.computeIfAbsent(accountId + "/" + sdkService, key -> policy.strategy());
        AcquireInitialTokenResponse initial = strategy.acquireInitialToken(AcquireInitialTokenRequest.create(sdkService));
        pause(initial.delay());
        RetryToken token = initial.token();
        while (true) {
            attempts.incrementAndGet();
            attemptsByService.computeIfAbsent(sdkService, k -> new AtomicLong()).incrementAndGet();
            if (!isThrottled(sdkService)) {
                strategy.recordSuccess(RecordSuccessRequest.create(token));
                return;
            }
            throttled.incrementAndGet();
            if (latencyNanos > 0) {
                LockSupport.parkNanos(latencyNanos); // the throttled answer's round trip
            }
            AwsServiceException throttle = throttle(sdkService);
            try {
                var next = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(throttle).build());
                pause(next.delay());
                token = next.token();
            } catch (TokenAcquisitionFailedException e) {
                gaveUp.incrementAndGet();
                throw throttle;
            }
        }
    }

    private boolean isThrottled(String sdkService) {
        TokenBucket limit = limits.get(sdkService);
        boolean overLimit = limit != null && !limit.take();
        return overLimit || (fraction > 0 && uniform(draws.incrementAndGet()) < fraction);
    }

    private void pause(Duration delay) {
        if (!delay.isZero()) {
            waitedNanos.addAndGet(delay.toNanos());
            LockSupport.parkNanos(delay.toNanos());
        }
    }

    /** Each protocol's throttle code, as the SDK classifies them. */
    private static AwsServiceException throttle(String sdkService) {
        return switch (sdkService) {
            case "Organizations" -> CallLog.error("TooManyRequestsException", 400);
            case "S3" -> CallLog.error("SlowDown", 503);
            case "Ec2" -> CallLog.error("RequestLimitExceeded", 503);
            default -> CallLog.error("ThrottlingException", 400);
        };
    }

    /** A seeded draw in [0, 1) for the n-th attempt (SplitMix64), so a run is repeatable in its throttle count. */
    private double uniform(long n) {
        long z = seed + n * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    /** A service-wide limit: {@code rate} tokens a second, at most {@code rate} saved up. */
    private static final class TokenBucket {
        private final double rate;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(double rate) {
            if (rate <= 0) {
                throw new IllegalArgumentException("rate must be positive: " + rate);
            }
            this.rate = rate;
            this.tokens = rate;
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
