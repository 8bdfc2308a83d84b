package io.atrest.scanner.stores.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.stores.Collected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.model.EncryptionConfiguration;
import software.amazon.awssdk.services.ecr.model.Repository;

class EcrKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;

    private static String arn(String name) {
        return "arn:aws:ecr:" + R + ":" + A + ":repository/" + name;
    }

    @Test
    void repositoriesAreJudgedByTheirEncryptionTypeAndTags() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(Repository.class).addAll(List.of(
                Repository.builder().repositoryName("api").repositoryArn(arn("api"))
                        .encryptionConfiguration(EncryptionConfiguration.builder().encryptionType("KMS").build()).build(),
                Repository.builder().repositoryName("web").repositoryArn(arn("web"))
                        .encryptionConfiguration(EncryptionConfiguration.builder().encryptionType("AES256").build()).build()));
        account.in(R).tags.put(arn("api"), Map.of("DataClassification", "confidential"));
        account.in(R).tags.put(arn("web"), Map.of("DataClassification", "confidential"));

        Collected c = Collected.by(EcrKind.KIND, account, new CallLog(), 1);

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("DescribeRepositories")).hasSize(2);
        assertThat(c.outcome(new EcrKeyTier(), "api")).as("aws/ecr meets confidential").isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new EcrKeyTier(), "web")).as("AES-256 keys ECR owns").isEqualTo(Outcome.FAIL);
    }
}
