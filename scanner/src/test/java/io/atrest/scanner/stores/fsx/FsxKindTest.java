package io.atrest.scanner.stores.fsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.Collected;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.fsx.model.FileSystem;
import software.amazon.awssdk.services.fsx.model.Tag;

class FsxKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";

    private static FileSystem fs(String id, String type, String key, String level) {
        return FileSystem.builder().fileSystemId(id).fileSystemType(type).kmsKeyId(key)
                .resourceARN("arn:aws:fsx:" + R + ":" + A + ":file-system/" + id)
                .tags(Tag.builder().key("DataClassification").value(level).build()).build();
    }

    @Test
    void fileSystemsArePagedAndTheirKeyTierJudged() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(FileSystem.class).addAll(List.of(fs("fs-finance", "WINDOWS", CMK, "restricted"),
                fs("fs-shared", "ONTAP", "arn:aws:kms:" + R + ":" + A + ":alias/aws/fsx", "restricted"),
                fs("fs-scratch", "LUSTRE", null, "public")));

        Collected c = Collected.by(FsxKind.KIND, account, new CallLog(), 2, List.of(Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true))));

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("DescribeFileSystems")).hasSize(2);
        assertThat(c.outcome(new FsxKeyTier(), "fs-finance")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new FsxKeyTier(), "fs-shared")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new FsxKeyTier(), "fs-scratch")).isEqualTo(Outcome.PASS);
    }
}
