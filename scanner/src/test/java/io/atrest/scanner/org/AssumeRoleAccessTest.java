package io.atrest.scanner.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrest.scanner.aws.AwsSettings;
import io.atrest.scanner.aws.ClientFactory;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.inventory.ErrorReason;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

class AssumeRoleAccessTest {
    private final List<AssumeRoleRequest> requests = new CopyOnWriteArrayList<>();
    private boolean deny;

    private final StsClient sts = new StsClient() {
        @Override
        public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
            requests.add(request);
            if (deny) {
                throw CallLog.error("AccessDenied", 403);
            }
            return AssumeRoleResponse.builder().credentials(Credentials.builder()
                    .accessKeyId("ASIAFAKE").secretAccessKey("secret").sessionToken("token")
                    .expiration(Instant.now().plusSeconds(3600)).build()).build();
        }

        @Override
        public String serviceName() {
            return "sts";
        }

        @Override
        public void close() {}
    };

    @Test
    void assumesTheNamedRoleWithSessionNameAndExternalId() {
        try (ClientFactory factory = new ClientFactory(AwsSettings.defaults("eu-west-1"))) {
            AssumeRoleAccess access = new AssumeRoleAccess(factory, sts, "111111111111", "audit/AtrestScanner", "ext-42");
            access.open("222222222222").close();

            assertThat(requests).singleElement().satisfies(r -> {
                assertThat(r.roleArn()).isEqualTo("arn:aws:iam::222222222222:role/audit/AtrestScanner");
                assertThat(r.roleSessionName()).isEqualTo("atrest");
                assertThat(r.externalId()).isEqualTo("ext-42");
            });
        }
    }

    @Test
    void theCallersOwnAccountNeedsNoRole() {
        try (ClientFactory factory = new ClientFactory(AwsSettings.defaults("eu-west-1"))) {
            new AssumeRoleAccess(factory, sts, "111111111111", "R", null).open("111111111111").close();
            assertThat(requests).isEmpty();
        }
    }

    @Test
    void aRefusedRoleIsAnAccessErrorNamingTheRole() {
        deny = true;
        try (ClientFactory factory = new ClientFactory(AwsSettings.defaults("eu-west-1"))) {
            AssumeRoleAccess access = new AssumeRoleAccess(factory, sts, "111111111111", "R", null);
            assertThatThrownBy(() -> access.open("222222222222"))
                    .isInstanceOfSatisfying(AccountAccessException.class, e -> {
                        assertThat(e.error().reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
                        assertThat(e.error().resource()).isEqualTo("arn:aws:iam::222222222222:role/R");
                    });
        }
    }

    @Test
    void rejectsMalformedRoleNames() {
        try (ClientFactory factory = new ClientFactory(AwsSettings.defaults("eu-west-1"))) {
            assertThatThrownBy(() -> new AssumeRoleAccess(factory, sts, "1", "bad role!", null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new AssumeRoleAccess(factory, sts, "1", "arn:aws:iam::1:role/x", null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
