package io.atrest.scanner.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrest.scanner.fake.StubAws;
import io.atrest.scanner.fake.StubAws.Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Real SDK clients from {@link ClientFactory} against a loopback stub: what goes on the wire. */
class ClientFactoryWireTest {
    private static final String ENCRYPTION = """
            <ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>
              <KMSMasterKeyID>alias/app</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>
              <BucketKeyEnabled>true</BucketKeyEnabled></Rule>
            </ServerSideEncryptionConfiguration>""";
    private static final String ACCOUNT_BLOCK = """
            <PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">
              <BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>
              <BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets>
            </PublicAccessBlockConfiguration>""";

    private StubAws stub;
    private ClientFactory factory;
    private AccountClients clients;

    @BeforeEach
    void start() throws Exception {
        stub = new StubAws(request -> request.path().contains("publicAccessBlock")
                ? Response.xml(ACCOUNT_BLOCK)
                : Response.xml(ENCRYPTION));
        AwsSettings settings = new AwsSettings(stub.endpoint(), "eu-west-1", null, Duration.ofSeconds(10), Duration.ofSeconds(5), 4,
                RetryPolicy.defaults());
        factory = new ClientFactory(settings);
        clients = factory.forAccount(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    }

    @AfterEach
    void stop() {
        clients.close();
        factory.close();
        stub.close();
    }

    @Test
    void s3UsesPathStyleAddressingOnACustomEndpoint() {
        var response = clients.s3("eu-west-1").getBucketEncryption(r -> r.bucket("my-bucket"));

        assertThat(response.serverSideEncryptionConfiguration().rules().get(0).applyServerSideEncryptionByDefault().kmsMasterKeyID())
                .isEqualTo("alias/app");
        StubAws.Request seen = stub.requests().get(0);
        assertThat(seen.host()).isEqualTo(stub.endpoint().getAuthority());
        assertThat(seen.path()).isEqualTo("/my-bucket");
        assertThat(seen.query()).contains("encryption");
    }

    @Test
    void s3ControlDropsTheAccountIdHostPrefixOnACustomEndpoint() {
        var response = clients.s3Control("eu-west-1").getPublicAccessBlock(r -> r.accountId("123456789012"));

        assertThat(response.publicAccessBlockConfiguration().restrictPublicBuckets()).isFalse();
        StubAws.Request seen = stub.requests().get(0);
        assertThat(seen.host()).isEqualTo(stub.endpoint().getAuthority());
        assertThat(seen.path()).isEqualTo("/v20180820/configuration/publicAccessBlock");
    }

    @Test
    void mutatingCallsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> clients.s3("eu-west-1").deleteBucket(r -> r.bucket("my-bucket")))
                .hasStackTraceContaining("read-only")
                .hasStackTraceContaining("S3:DeleteBucket");
        assertThatThrownBy(() -> clients.kms("eu-west-1").scheduleKeyDeletion(r -> r.keyId("k")))
                .hasStackTraceContaining("Kms:ScheduleKeyDeletion");
        assertThatThrownBy(() -> clients.s3("eu-west-1").putBucketEncryption(r -> r.bucket("b")))
                .hasStackTraceContaining("S3:PutBucketEncryption");
        assertThatThrownBy(() -> clients.ec2("eu-west-1").disableEbsEncryptionByDefault(r -> { }))
                .hasStackTraceContaining("Ec2:DisableEbsEncryptionByDefault");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void theGuardRethrowsThroughCollectorsInsteadOfBecomingACollectionError() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> clients.s3("eu-west-1").deleteBucket(r -> r.bucket("x")));
        // Collectors look for the violation anywhere in the cause chain and rethrow it.
        assertThatThrownBy(() -> io.atrest.scanner.collect.GuardProbe.rethrow(thrown)).isInstanceOf(ReadOnlyViolation.class);
    }

    @Test
    void onlyThePublishingClientMaySendBatchImportFindingsAndItMaySendNothingElse() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        var scanning = clients.client(software.amazon.awssdk.services.securityhub.SecurityHubClient.class,
                software.amazon.awssdk.services.securityhub.SecurityHubClient::builder, "eu-west-1");
        assertThatThrownBy(() -> scanning.batchImportFindings(r -> r.findings(java.util.List.of())))
                .isInstanceOf(ReadOnlyViolation.class).hasMessageContaining("BatchImportFindings");
        try (var publishing = factory.securityHubPublisher(credentials, "eu-west-1")) {
            assertThatThrownBy(() -> publishing.getFindings(r -> r.maxResults(1)))
                    .isInstanceOf(ReadOnlyViolation.class).hasMessageContaining("nothing else");
            assertThatThrownBy(() -> publishing.disableSecurityHub(r -> { }))
                    .isInstanceOf(ReadOnlyViolation.class);
        }
        assertThat(stub.requests()).as("refused before a byte was sent").isEmpty();
        assertThat(ReadOnlyAllowlist.allows(PublishGuard.SERVICE, PublishGuard.OPERATION)).isFalse();
    }
}
