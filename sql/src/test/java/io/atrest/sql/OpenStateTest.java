package io.atrest.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenStateTest {
    private static final Instant SINCE = Instant.parse("2026-03-01T02:00:00.123456Z");

    @Test
    void encodesAndDecodesStatesWithAndWithoutTheirQuickDigest() {
        List<OpenState> states = List.of(
                new OpenState(17, 5, "s3-versioning", -42L, "FAIL", SINCE, 987654321L),
                new OpenState(18, 5, "s3-encryption", 7L, "PASS", null, OpenState.NO_QUICK));

        String text = OpenState.encode(states);

        assertThat(text).isEqualTo("s3-versioning,17,-42,FAIL,1772330400123456,987654321|s3-encryption,18,7,PASS,");
        assertThat(OpenState.decode(5, text)).isEqualTo(states);
    }

    @Test
    void readsTheFiveFieldEntriesOfRowsWrittenBeforeQuickDigests() {
        assertThat(OpenState.decode(3, "kms-rotation,9,11,FAIL,1772330400000000"))
                .containsExactly(new OpenState(9, 3, "kms-rotation", 11, "FAIL", Instant.parse("2026-03-01T02:00:00Z"), OpenState.NO_QUICK));
    }

    @Test
    void aStateWithoutQuickDigestIsNeverTheSameByQuickDigest() {
        OpenState legacy = new OpenState(9, 3, "kms-rotation", 11, "FAIL", null, OpenState.NO_QUICK);

        assertThat(legacy.sameQuick(OpenState.NO_QUICK)).isFalse();
        assertThat(legacy.withQuick(99).sameQuick(99)).isTrue();
        assertThat(legacy.withQuick(99).sameQuick(98)).isFalse();
    }

    @Test
    void anUnreadableEntryIsAnErrorNamingTheResource() {
        for (String text : List.of("kms-rotation,9,11", "kms-rotation,9,11,PASS,,5,6", "kms-rotation,x,11,PASS,",
                "s3-versioning,1,2,PASS,|kms-rotation,9,11,PASS,oops", "s3-versioning,1,2,PASS,|")) {
            assertThatThrownBy(() -> OpenState.decode(3, text)).as(text)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("resource 3");
        }
    }
}
