package io.atrest.scanner.stores.glacier;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.stores.Collected;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glacier.model.DescribeVaultOutput;

class GlacierKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;

    private static DescribeVaultOutput vault(String name) {
        return DescribeVaultOutput.builder().vaultName(name).vaultARN("arn:aws:glacier:" + R + ":" + A + ":vaults/" + name).build();
    }

    @Test
    void vaultPoliciesAreReadAsIamReadsThem() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(DescribeVaultOutput.class).addAll(List.of(vault("archive"), vault("shared"), vault("partner")));
        account.in(R).policies.put("shared", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"glacier:InitiateJob\",\"Resource\":\"arn:aws:glacier:" + R + ":" + A + ":vaults/shared\"}]}");
        account.in(R).policies.put("partner", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"glacier:InitiateJob\",\"Resource\":\"arn:aws:glacier:" + R + ":" + A + ":vaults/other\"}]}");

        Collected c = Collected.by(GlacierKind.KIND, account, new CallLog(), 2);

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("ListVaults")).hasSize(2);
        assertThat(c.outcome(new GlacierVaultNotPublic(), "archive")).as("no policy").isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new GlacierVaultNotPublic(), "shared")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new GlacierVaultNotPublic(), "partner")).as("a statement about another vault").isEqualTo(Outcome.PASS);
    }

    @Test
    void anUnparsablePolicyIsNotEvaluated() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(DescribeVaultOutput.class).add(vault("archive"));
        account.in(R).policies.put("archive", "{not json");
        Collected c = Collected.by(GlacierKind.KIND, account, new CallLog(), 2);
        assertThat(c.outcome(new GlacierVaultNotPublic(), "archive")).isEqualTo(Outcome.NOT_EVALUATED);
    }
}
