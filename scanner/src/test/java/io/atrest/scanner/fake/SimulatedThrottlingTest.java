package io.atrest.scanner.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrest.scanner.aws.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The benchmark's stand-in for AWS throttling drives the scan's real retry strategy. */
class SimulatedThrottlingTest {

    private static RetryPolicy standard(int attempts) {
        return new RetryPolicy(RetryPolicy.Mode.STANDARD, attempts, Duration.ZERO, "test");
    }

    @Test
    void throttledAttemptsAreRetriedUntilTheyPass() {
        SimulatedThrottling throttling = new SimulatedThrottling(standard(10), 0.3, Map.of(), 7);
        CallLog log = new CallLog().throttling(throttling);
        for (int i = 0; i < 1_000; i++) {
            log.serve("111111111111", "Kms", "DescribeKey", "k" + i);
        }
        assertThat(log.calls()).hasSize(1_000);
        assertThat(throttling.gaveUp()).isZero();
        assertThat(throttling.attempts()).isEqualTo(1_000 + throttling.throttled());
        // 30% of attempts: about 430 throttles for 1,000 calls that each pass with probability 0.7
        assertThat(throttling.throttled()).isBetween(330L, 530L);
        assertThat(throttling.attempts("Kms")).isEqualTo(throttling.attempts());
    }

    @Test
    void aCallThrottledOnEveryAttemptFailsWithTheServicesThrottleCode() {
        SimulatedThrottling throttling = new SimulatedThrottling(standard(3), 0, Map.of("Organizations", 1.0), 7);
        CallLog log = new CallLog().throttling(throttling);
        log.serve("111111111111", "Organizations", "ListAccounts", null); // the one token of the burst
        assertThatThrownBy(() -> log.serve("111111111111", "Organizations", "ListParents", "222222222222"))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(throttling.gaveUp()).isEqualTo(1);
        assertThat(throttling.attempts("Organizations")).isEqualTo(1 + 3);
        assertThat(log.calls()).containsExactly("Organizations:ListAccounts");
    }

    @Test
    void aRateLimitedServiceIsServedAtItsRate() {
        SimulatedThrottling throttling = new SimulatedThrottling(
                new RetryPolicy(RetryPolicy.Mode.STANDARD, 10, Duration.ofMillis(200), "test"), 0, Map.of("Organizations", 20.0), 7);
        CallLog log = new CallLog().throttling(throttling);
        long t0 = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            log.serve("111111111111", "Organizations", "ListParents", "a" + i);
        }
        // 20 from the burst, 20 more at 20 a second: at least about a second, however the retries fall
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(900));
        assertThat(throttling.gaveUp()).isZero();
        assertThat(throttling.throttled()).isPositive();
    }
}
