package io.atrest.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ASFF knows some resource types and not others: a kind's descriptor says which, and Security Hub gets a type it accepts. */
class AsffTypeTest {

    @Test
    void kindsAsffLacksExportAsOtherAndDocumentDbAsAnRdsCluster() {
        assertThat(AsffExport.asffType("AwsS3Bucket")).isEqualTo("AwsS3Bucket");
        assertThat(AsffExport.asffType("AwsSqsQueue")).isEqualTo("AwsSqsQueue");
        assertThat(AsffExport.asffType("AwsDaxCluster")).isEqualTo("Other");
        assertThat(AsffExport.asffType("AwsDocumentDbCluster")).isEqualTo("AwsRdsDbCluster");
        assertThat(AsffExport.asffType("DataStore")).isEqualTo("Other");
    }
}
