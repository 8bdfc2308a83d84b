package io.atrest.scanner.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyReferenceTest {
    @Test
    void parsesEveryFormAStoreMayHold() {
        assertThat(KeyReference.parse("arn:aws:kms:eu-west-1:999999999999:key/abc", "1", "us-east-1")).contains(
                new KeyReference("999999999999", "eu-west-1", "abc", null));
        assertThat(KeyReference.parse("arn:aws:kms:eu-west-1:999999999999:alias/app", "1", "us-east-1")).contains(
                new KeyReference("999999999999", "eu-west-1", null, "alias/app"));
        assertThat(KeyReference.parse("alias/aws/s3", "1", "us-east-1")).hasValueSatisfying(r -> {
            assertThat(r.accountId()).isEqualTo("1");
            assertThat(r.isAwsManagedAlias()).isTrue();
        });
        assertThat(KeyReference.parse("mrk-1234", "1", "us-east-1")).contains(new KeyReference("1", "us-east-1", "mrk-1234", null));
        assertThat(KeyReference.parse("arn:aws:s3:::bucket", "1", "r")).isEmpty();
        assertThat(KeyReference.parse(" ", "1", "r")).isEmpty();
    }
}
