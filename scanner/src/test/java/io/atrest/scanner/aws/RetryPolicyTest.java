package io.atrest.scanner.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrest.scanner.fake.StubAws;
import io.atrest.scanner.fake.StubAws.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.profiles.ProfileFile;

class RetryPolicyTest {

    private static Supplier<ProfileFile> config(String text) {
        return () -> ProfileFile.builder()
                .content(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .type(ProfileFile.Type.CONFIGURATION)
                .build();
    }

    private static final Supplier<ProfileFile> NO_FILE = () -> {
        throw new AssertionError("the config files are read only when no other setting gives the value");
    };

    @Test
    void defaultsAreSizedForABatchJob() {
        RetryPolicy policy = RetryPolicy.resolve(null, null, null, Map.of(), config(""));

        assertThat(policy.mode()).isEqualTo(RetryPolicy.Mode.ADAPTIVE);
        assertThat(policy.maxAttempts()).isEqualTo(10);
        assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.strategy().maxAttempts()).isEqualTo(10);
    }

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheProfile() {
        Supplier<ProfileFile> file = config("""
                [default]
                max_attempts = 4
                retry_mode = legacy
                [profile night]
                max_attempts = 7
                retry_mode = standard
                """);

        assertThat(RetryPolicy.resolve(null, 3, null, Map.of("AWS_MAX_ATTEMPTS", "5"), file).maxAttempts()).isEqualTo(3);
        assertThat(RetryPolicy.resolve(null, null, null, Map.of("AWS_MAX_ATTEMPTS", "5"), file).maxAttempts()).isEqualTo(5);
        assertThat(RetryPolicy.resolve(null, null, null, Map.of(), file).maxAttempts()).isEqualTo(4);
        assertThat(RetryPolicy.resolve(null, null, null, Map.of(), file).mode()).isEqualTo(RetryPolicy.Mode.LEGACY);
        assertThat(RetryPolicy.resolve(null, null, "night", Map.of(), file).maxAttempts()).isEqualTo(7);
        assertThat(RetryPolicy.resolve(null, null, null, Map.of("AWS_PROFILE", "night"), file).mode()).isEqualTo(RetryPolicy.Mode.STANDARD);
        assertThat(RetryPolicy.resolve(null, null, "night", Map.of("AWS_RETRY_MODE", "adaptive"), file).mode())
                .isEqualTo(RetryPolicy.Mode.ADAPTIVE);
        RetryPolicy fromEnvironment = RetryPolicy.resolve(null, 9, null, Map.of("AWS_RETRY_MODE", "Standard"), NO_FILE);
        assertThat(fromEnvironment.mode()).isEqualTo(RetryPolicy.Mode.STANDARD);
        assertThat(fromEnvironment.source()).isEqualTo("mode from AWS_RETRY_MODE, attempts from --max-attempts");
        assertThat(RetryPolicy.resolve("legacy", 2, null, Map.of("AWS_RETRY_MODE", "standard"), NO_FILE).mode())
                .isEqualTo(RetryPolicy.Mode.LEGACY);
    }

    @Test
    void aWrongSettingNamesWhereItCameFrom() {
        assertThatThrownBy(() -> RetryPolicy.resolve(null, null, null, Map.of("AWS_MAX_ATTEMPTS", "many"), config("")))
                .hasMessage("AWS_MAX_ATTEMPTS: 'many' is not a number of attempts from 1 to 100");
        assertThatThrownBy(() -> RetryPolicy.resolve(null, 0, null, Map.of(), config("")))
                .hasMessage("--max-attempts: '0' is not a number of attempts from 1 to 100");
        assertThatThrownBy(() -> RetryPolicy.resolve("eager", null, null, Map.of(), config("")))
                .hasMessage("--retry-mode: 'eager' is not a retry mode (legacy, standard, adaptive)");
        assertThatThrownBy(() -> RetryPolicy.resolve(null, null, null, Map.of("AWS_RETRY_MODE", "eager"), config("")))
                .hasMessage("AWS_RETRY_MODE: 'eager' is not a retry mode (legacy, standard, adaptive)");
        assertThatThrownBy(() -> RetryPolicy.resolve(null, null, "x", Map.of(), config("[profile x]\nmax_attempts = -1\n")))
                .hasMessage("max_attempts of profile x: '-1' is not a number of attempts from 1 to 100");
    }

    private static final String KEY = "{\"KeyMetadata\":{\"KeyId\":\"k\",\"Arn\":\"arn:aws:kms:eu-west-1:111111111111:key/k\"}}";

    private static Response throttle() {
        return new Response(400, "application/x-amz-json-1.1", "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
    }

    private static AwsSettings settings(StubAws stub, RetryPolicy retry) {
        return new AwsSettings(stub.endpoint(), "eu-west-1", null, Duration.ofSeconds(30), Duration.ofSeconds(5), 16, retry);
    }

    @Test
    void aCallThrottledNineTimesStillSucceedsOnItsTenthAttempt() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (StubAws stub = new StubAws(r -> seen.incrementAndGet() <= 9 ? throttle() : Response.json(KEY));
             ClientFactory factory = new ClientFactory(settings(stub,
                     new RetryPolicy(RetryPolicy.Mode.STANDARD, 10, Duration.ofMillis(5), "test")));
             AccountClients clients = factory.forAccount(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")))) {
            var key = clients.kms("eu-west-1").describeKey(r -> r.keyId("k"));

            assertThat(key.keyMetadata().keyId()).isEqualTo("k");
            assertThat(stub.requests()).hasSize(10);
        }
    }

    @Test
    void theAttemptsAreTheResolvedMaximumAndNoMore() throws Exception {
        RetryPolicy three = RetryPolicy.resolve(null, null, null, Map.of("AWS_MAX_ATTEMPTS", "3", "AWS_RETRY_MODE", "standard"), config(""))
                .withMaxBackoff(Duration.ofMillis(5));
        try (StubAws stub = new StubAws(r -> throttle());
             ClientFactory factory = new ClientFactory(settings(stub, three));
             AccountClients clients = factory.forAccount(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")))) {
            assertThatThrownBy(() -> clients.kms("eu-west-1").describeKey(r -> r.keyId("k")))
                    .isInstanceOf(AwsServiceException.class)
                    .satisfies(e -> assertThat(AwsErrors.errorCode(e)).isEqualTo("ThrottlingException"));
            assertThat(stub.requests()).hasSize(3);
        }
    }

    private static AwsServiceException throttled() {
        return AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                .statusCode(400)
                .build();
    }

    /** How many throttled attempts in a row, without a success between, the strategy retries (up to {@code limit}). */
    private static int retriesGranted(RetryStrategy strategy, int limit) {
        for (int granted = 0; granted < limit; granted++) {
            RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("kms")).token();
            try {
                strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(throttled()).build());
            } catch (TokenAcquisitionFailedException e) {
                return granted;
            }
        }
        return limit;
    }

    /**
     * The SDK's retry quota stops retrying once one client has seen about a hundred failed
     * attempts without a success between: right for an interactive call, wrong for a nightly job,
     * where a burst of throttling on a busy client must be waited out, not turned into gaps.
     */
    @Test
    void aLongBurstOfThrottlingNeverExhaustsARetryQuota() {
        assertThat(retriesGranted(AwsRetryStrategy.adaptiveRetryStrategy(), 500))
                .as("the SDK's own adaptive strategy has a quota").isLessThan(500);
        for (RetryPolicy.Mode mode : List.of(RetryPolicy.Mode.ADAPTIVE, RetryPolicy.Mode.STANDARD)) {
            RetryPolicy policy = new RetryPolicy(mode, 10, Duration.ofSeconds(20), "test");
            assertThat(retriesGranted(policy.strategy(), 500)).as(mode.name()).isEqualTo(500);
        }
    }

    @Test
    void backoffIsFullJitterExponentialCappedAtTheMaximum() {
        // Standard mode: adaptive mode adds its rate limiter's wait to the backoff.
        RetryPolicy policy = new RetryPolicy(RetryPolicy.Mode.STANDARD, 10, Duration.ofSeconds(2), "test");
        RetryStrategy strategy = policy.strategy();
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("kms")).token();
        Duration longest = Duration.ZERO;
        Duration shortest = Duration.ofDays(1);
        for (int attempt = 1; attempt < 10; attempt++) {
            RefreshRetryTokenResponse next = strategy.refreshRetryToken(
                    RefreshRetryTokenRequest.builder().token(token).failure(throttled()).build());
            token = next.token();
            longest = next.delay().compareTo(longest) > 0 ? next.delay() : longest;
            shortest = next.delay().compareTo(shortest) < 0 ? next.delay() : shortest;
        }
        assertThat(longest).isLessThanOrEqualTo(Duration.ofSeconds(2)).isGreaterThan(Duration.ZERO);
        assertThat(shortest).isLessThan(longest); // jittered, not a fixed schedule
        RetryToken last = token;
        assertThatThrownBy(() -> strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(last).failure(throttled()).build()))
                .as("the tenth failed attempt is the last").isInstanceOf(TokenAcquisitionFailedException.class);
    }
}
