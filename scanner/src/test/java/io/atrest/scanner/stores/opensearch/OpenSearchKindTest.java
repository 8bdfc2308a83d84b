package io.atrest.scanner.stores.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.stores.Collected;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;
import software.amazon.awssdk.services.opensearch.model.EncryptionAtRestOptions;

class OpenSearchKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;

    private static String arn(String name) {
        return "arn:aws:es:" + R + ":" + A + ":domain/" + name;
    }

    private static DomainStatus domain(String name, boolean encrypted) {
        return DomainStatus.builder().domainName(name).arn(arn(name))
                .encryptionAtRestOptions(EncryptionAtRestOptions.builder().enabled(encrypted)
                        .kmsKeyId(encrypted ? "arn:aws:kms:" + R + ":" + A + ":alias/aws/es" : null).build()).build();
    }

    @Test
    void sevenDomainsAreDescribedFiveAtATimeAndJudged() {
        FakeAccount account = new FakeAccount(A);
        IntStream.range(0, 6).forEach(i -> account.in(R).of(DomainStatus.class).add(domain("logs-" + i, true)));
        account.in(R).of(DomainStatus.class).add(domain("legacy", false));
        account.in(R).tags.put(arn("logs-0"), Map.of("DataClassification", "confidential"));
        account.in(R).tags.put(arn("legacy"), Map.of("DataClassification", "restricted"));

        Collected c = Collected.by(OpenSearchKind.KIND, account, new CallLog(), 10);

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("DescribeDomains")).hasSize(2);
        assertThat(c.inventory().storesOf(OpenSearchDomain.class)).hasSize(7);
        assertThat(c.outcome(new OpenSearchEncrypted(), "logs-0")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new OpenSearchEncrypted(), "legacy")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new OpenSearchKeyTier(), "logs-0")).as("aws/es meets confidential").isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new OpenSearchKeyTier(), "legacy")).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aDescribeThatFailsLeavesItsDomainsUnseenAsAGap() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(DomainStatus.class).add(domain("search", true));
        Collected c = Collected.by(OpenSearchKind.KIND, account, new CallLog().fail("OpenSearch:DescribeDomains", "AccessDeniedException", 403), 10);
        assertThat(c.inventory().storesOf(OpenSearchDomain.class)).isEmpty();
        assertThat(c.gaps()).contains("AwsOpenSearchServiceDomain@" + R);
    }
}
