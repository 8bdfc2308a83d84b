package io.atrest.scanner.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds every SDK client atrest uses, all the same way: the read-only guard, the retry policy,
 * call and attempt deadlines, one shared HTTP connection pool, and the endpoint override.
 */
public final class ClientFactory implements AutoCloseable {
    static {
        // Kinesis speaks CBOR by default; JSON is the same API, and what emulators (moto) and the
        // wire tests answer. The SDK reads this setting once, JVM-wide; a user's own choice stands.
        if (System.getProperty("aws.cborEnabled") == null && System.getenv("AWS_CBOR_DISABLED") == null) {
            System.setProperty("aws.cborEnabled", "false");
        }
    }

    private final AwsSettings settings;
    private final SdkHttpClient http;
    private final java.util.function.BooleanSupplier stop;

    public ClientFactory(AwsSettings settings) {
        this(settings, () -> false);
    }

    /** @param stop once true, every client refuses to send a new call (the scan is stopping) */
    public ClientFactory(AwsSettings settings, java.util.function.BooleanSupplier stop) {
        this.settings = settings;
        this.stop = stop;
        // The JDK keeps idle connections per host (http.maxConnections, 5 by default): as many as calls may be in flight, so a
        // connection is reused, not handshaken again. Read once, when the JDK first opens a connection; a user's own setting wins.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(5, settings.maxConnections())));
        }
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(java.time.Duration.ofSeconds(10))
                .socketTimeout(settings.attemptTimeout())
                .build();
    }

    public AwsSettings settings() {
        return settings;
    }

    /** The caller's own credentials: the standard chain, or the named profile. */
    public AwsCredentialsProvider baseCredentials() {
        return settings.profile() == null
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(settings.profile());
    }

    public StsClient sts(AwsCredentialsProvider credentials) {
        return configure(StsClient.builder(), credentials, settings.homeRegion()).build();
    }

    public OrganizationsClient organizations(AwsCredentialsProvider credentials) {
        return configure(OrganizationsClient.builder(), credentials, settings.homeRegion()).build();
    }

    /**
     * The one client that may write: Security Hub in {@code region}, for {@code atrest publish}.
     * Its guard allows exactly securityhub:BatchImportFindings and nothing else, not even a read;
     * no other client has that guard, so a scan cannot send it.
     */
    public SecurityHubClient securityHubPublisher(AwsCredentialsProvider credentials, String region) {
        software.amazon.awssdk.services.securityhub.SecurityHubClientBuilder builder = SecurityHubClient.builder().credentialsProvider(credentials).region(Region.of(region))
                .overrideConfiguration(overrides(new PublishGuard()));
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(settings.endpointUrl());
        }
        return builder.httpClient(http).build();
    }

    /** Clients for one account, cached per region and closed together. */
    public AccountClients forAccount(AwsCredentialsProvider credentials) {
        return new CachedAccountClients(credentials);
    }

    private <B extends AwsClientBuilder<B, C>, C> B configure(B builder, AwsCredentialsProvider credentials, String region) {
        builder.credentialsProvider(credentials)
                .region(Region.of(region))
                .overrideConfiguration(overrides());
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(settings.endpointUrl());
        }
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    private ClientOverrideConfiguration overrides() {
        return overrides(new ReadOnlyGuard());
    }

    private ClientOverrideConfiguration overrides(software.amazon.awssdk.core.interceptor.ExecutionInterceptor guard) {
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(guard)
                .addExecutionInterceptor(new StopGuard(stop))
                .retryStrategy(settings.retry().strategy()) // one per client: adaptive rate limits per service, region and account
                .apiCallTimeout(settings.callTimeout())
                .apiCallAttemptTimeout(settings.attemptTimeout());
        if (settings.endpointUrl() != null) {
            // Host prefixes (account ids, "data." ...) name hosts a local emulator does not have.
            overrides.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
        }
        return overrides.build();
    }

    @Override
    public void close() {
        http.close();
    }

    /** Clients of one account, built on first use per region and closed together. */
    private final class CachedAccountClients implements AccountClients {
        private final AwsCredentialsProvider credentials;
        private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();

        CachedAccountClients(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
        }

        @SuppressWarnings("unchecked")
        private <C extends SdkAutoCloseable> C client(String service, String region, Supplier<C> build) {
            return (C) clients.computeIfAbsent(service + "@" + region, k -> build.get());
        }

        @Override
        public S3Client s3(String region) {
            return client("s3", region, () -> configure(S3Client.builder(), credentials, region)
                    .forcePathStyle(settings.endpointUrl() != null)
                    .build());
        }

        @Override
        public S3ControlClient s3Control(String region) {
            return client("s3control", region, () -> {
                var builder = configure(S3ControlClient.builder(), credentials, region);
                if (settings.endpointUrl() != null) {
                    builder.endpointProvider(new LocalS3ControlEndpoints(settings.endpointUrl()));
                }
                return builder.build();
            });
        }

        @Override
        public KmsClient kms(String region) {
            return client("kms", region, () -> configure(KmsClient.builder(), credentials, region).build());
        }

        @Override
        public Ec2Client ec2(String region) {
            return client("ec2", region, () -> configure(Ec2Client.builder(), credentials, region).build());
        }

        @Override
        public RdsClient rds(String region) {
            return client("rds", region, () -> configure(RdsClient.builder(), credentials, region).build());
        }

        @Override
        public DynamoDbClient dynamoDb(String region) {
            return client("dynamodb", region, () -> configure(DynamoDbClient.builder(), credentials, region).build());
        }

        @Override
        public EfsClient efs(String region) {
            return client("efs", region, () -> configure(EfsClient.builder(), credentials, region).build());
        }

        @Override
        public CloudTrailClient cloudTrail(String region) {
            return client("cloudtrail", region, () -> configure(CloudTrailClient.builder(), credentials, region).build());
        }

        @Override
        public CloudWatchLogsClient logs(String region) {
            return client("logs", region, () -> configure(CloudWatchLogsClient.builder(), credentials, region).build());
        }

        @Override
        public CloudWatchClient cloudWatch(String region) {
            return client("cloudwatch", region, () -> configure(CloudWatchClient.builder(), credentials, region).build());
        }

        @Override
        public EventBridgeClient eventBridge(String region) {
            return client("events", region, () -> configure(EventBridgeClient.builder(), credentials, region).build());
        }

        @Override
        public ConfigClient config(String region) {
            return client("config", region, () -> configure(ConfigClient.builder(), credentials, region).build());
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <C extends software.amazon.awssdk.core.SdkClient> C client(Class<C> type,
                Supplier<? extends AwsClientBuilder<?, C>> builder, String region) {
            return client(type.getSimpleName(), region, () -> (C) configure((AwsClientBuilder) builder.get(), credentials, region).build());
        }

        @Override
        public void close() {
            clients.values().forEach(SdkAutoCloseable::close);
            clients.clear();
        }
    }
}
