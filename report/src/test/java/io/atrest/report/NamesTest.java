package io.atrest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void aLongPathKeepsItsLeafAndWholeSegments() {
        assertThat(Names.shortPath("Root/Workloads/Prod/Marketing", 22)).isEqualTo("\u2026/Prod/Marketing");
        assertThat(Names.shortPath("Root/Workloads/Prod/Marketing", 40)).isEqualTo("Root/Workloads/Prod/Marketing");
        assertThat(Names.shortPath("Root/A-very-long-organizational-unit-name", 10)).isEqualTo("\u2026/A-very-long-organizational-unit-name");
    }

    @Test
    void theLastSegmentOfAnArnIsItsId() {
        assertThat(Names.lastSegment("arn:aws:kms:eu-west-1:111111111111:key/abcd")).isEqualTo("abcd");
        assertThat(Names.lastSegment("arn:aws:rds:eu-west-1:111111111111:db:campaigns")).isEqualTo("campaigns");
    }
}
