package io.atrest.scanner.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KmsActionsTest {

    @Test
    void everyActionHasItsBitAndNamesComeBackInAlphabeticalOrder() {
        assertThat(KmsActions.ALL.size()).isEqualTo(KeyPolicyAnalysis.ALL_ACTIONS.size());
        assertThat(KmsActions.ALL.names()).isEqualTo(KeyPolicyAnalysis.ALL_ACTIONS).isSorted();
        assertThat(KmsActions.of("Sign", "Decrypt", "CreateAlias").names()).containsExactly("CreateAlias", "Decrypt", "Sign");
    }

    @Test
    void setOperations() {
        KmsActions use = KmsActions.of("Decrypt", "Encrypt");
        assertThat(use.contains("Decrypt")).isTrue();
        assertThat(use.contains("PutKeyPolicy")).isFalse();
        assertThat(use.contains("s3:GetObject")).isFalse();
        assertThat(use.containsAny(KeyPolicyAnalysis.CRYPTO)).isTrue();
        assertThat(use.containsAny(KeyPolicyAnalysis.ADMIN)).isFalse();
        assertThat(KeyPolicyAnalysis.CRYPTO.containsAll(use)).isTrue();
        assertThat(use.containsAll(KeyPolicyAnalysis.CRYPTO)).isFalse();
        assertThat(use.union(KmsActions.of("Sign")).names()).containsExactly("Decrypt", "Encrypt", "Sign");
        assertThat(use.complement().size()).isEqualTo(KmsActions.ALL.size() - 2);
        assertThat(use.complement().containsAny(use)).isFalse();
        assertThat(KmsActions.NONE.complement()).isEqualTo(KmsActions.ALL);
        assertThat(KmsActions.NONE.isEmpty()).isTrue();
    }

    @Test
    void aNameThatIsNotAKmsActionIsRefused() {
        assertThatThrownBy(() -> KmsActions.of(List.of("Decrypt", "Decrpyt"))).hasMessageContaining("Decrpyt");
    }

    @Test
    void statementsAreExpandedOverEveryActionWithNotActionAsTheComplement() {
        PolicyDocument policy = PolicyDocument.parse("""
                {"Statement":[
                 {"Sid":"a","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:role/A"},"Action":["kms:Get*","KMS:decrypt"],"Resource":"*"},
                 {"Sid":"b","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:role/B"},"NotAction":"kms:*Key*","Resource":"*"},
                 {"Sid":"c","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:role/C"},"Action":"s3:*","Resource":"*"}]}""");
        assertThat(KeyPolicyAnalysis.actionsOf(policy.statements().get(0)).names())
                .containsExactly("Decrypt", "GetKeyPolicy", "GetKeyRotationStatus", "GetParametersForImport", "GetPublicKey");
        KmsActions b = KeyPolicyAnalysis.actionsOf(policy.statements().get(1));
        assertThat(b.contains("Encrypt")).isTrue();
        assertThat(b.contains("ScheduleKeyDeletion")).isFalse();
        assertThat(b.contains("GenerateDataKey")).isFalse();
        assertThat(KeyPolicyAnalysis.actionsOf(policy.statements().get(2)).isEmpty()).isTrue();
        assertThat(KeyPolicyAnalysis.statementsGranting(policy, "1", KeyPolicyAnalysis.CRYPTO))
                .extracting(Statement::sid).containsExactly("a", "b");
    }
}
