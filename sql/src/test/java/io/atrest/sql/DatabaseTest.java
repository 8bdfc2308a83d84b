package io.atrest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseTest {
    private static final long MB = 1_000_000;

    @Test
    void aFileWithTooLittleLiveDataIsCompacted() {
        assertThat(Database.compactionDue(79, 1000 * MB, 0)).isTrue();
        assertThat(Database.compactionDue(80, 1000 * MB, 0)).isFalse();
    }

    @Test
    void aFileThatAnotherNightLikeThisOneWouldMakeTooSparseIsCompactedAhead() {
        // 900 MB live in 1,000: another 200 MB of writes would leave 75% live, another 100 MB 82%.
        assertThat(Database.compactionDue(90, 1000 * MB, 200 * MB)).isTrue();
        assertThat(Database.compactionDue(90, 1000 * MB, 100 * MB)).isFalse();
    }

    @Test
    void aSessionThatShrankTheFileCountsAsNoGrowth() {
        assertThat(Database.compactionDue(85, 1000 * MB, -300 * MB)).isFalse();
    }
}
