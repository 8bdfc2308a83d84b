package io.atrest.scanner.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds every SDK client atrest uses, all the same way: the read-only guard, adaptive retries,
 * call and attempt deadlines, one shared HTTP connection pool, and the endpoint override.
 */
public final class ClientFactory implements AutoCloseable {
    private final AwsSettings settings;
    private final SdkHttpClient http;

    public ClientFactory(AwsSettings settings) {
        this.settings = settings;
        this.http = ApacheHttpClient.builder()
                .maxConnections(settings.maxConnections())
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
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new ReadOnlyGuard())
                .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy())
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

    private final class CachedAccountClients implements AccountClients {
        private final AwsCredentialsProvider credentials;
        private final Map<String, S3Client> s3 = new ConcurrentHashMap<>();
        private final Map<String, S3ControlClient> s3Control = new ConcurrentHashMap<>();
        private final Map<String, KmsClient> kms = new ConcurrentHashMap<>();
        private final Map<String, Ec2Client> ec2 = new ConcurrentHashMap<>();

        CachedAccountClients(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
        }

        @Override
        public S3Client s3(String region) {
            return s3.computeIfAbsent(region, r -> configure(S3Client.builder(), credentials, r)
                    .forcePathStyle(settings.endpointUrl() != null)
                    .build());
        }

        @Override
        public S3ControlClient s3Control(String region) {
            return s3Control.computeIfAbsent(region, r -> {
                var builder = configure(S3ControlClient.builder(), credentials, r);
                if (settings.endpointUrl() != null) {
                    builder.endpointProvider(new LocalS3ControlEndpoints(settings.endpointUrl()));
                }
                return builder.build();
            });
        }

        @Override
        public KmsClient kms(String region) {
            return kms.computeIfAbsent(region, r -> configure(KmsClient.builder(), credentials, r).build());
        }

        @Override
        public Ec2Client ec2(String region) {
            return ec2.computeIfAbsent(region, r -> configure(Ec2Client.builder(), credentials, r).build());
        }

        @Override
        public void close() {
            closeAll(s3, S3Client::close);
            closeAll(s3Control, S3ControlClient::close);
            closeAll(kms, KmsClient::close);
            closeAll(ec2, Ec2Client::close);
        }

        private <T> void closeAll(Map<String, T> clients, java.util.function.Consumer<T> close) {
            clients.values().forEach(close);
            clients.clear();
        }
    }

}
