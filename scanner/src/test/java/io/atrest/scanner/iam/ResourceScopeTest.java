package io.atrest.scanner.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Resource / NotResource patterns cover every object of a bucket, wildcards matched as IAM matches ARNs. */
class ResourceScopeTest {

    private static Statement deny(boolean notResource, String... resources) {
        return new Statement("S", false, new Principal(true, java.util.Map.of()), false, java.util.List.of("s3:*"), false,
                java.util.List.of(resources), notResource, java.util.List.of());
    }

    @ParameterizedTest(name = "Resource {0}: covers every object = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            arn:aws:s3:::data/*         | true
            arn:aws:s3:::data*          | true
            arn:aws:s3:::*              | true
            *                           | true
            arn:aws:s3:::d?ta/*         | true
            arn:aws:s3:::data/?*        | true
            arn:aws:s3:::*/*            | true
            arn:aws:s3:::data           | false
            arn:aws:s3:::data/logs/*    | false
            arn:aws:s3:::data/??*       | false
            arn:aws:s3:::other/*        | false
            arn:aws:s3:::Data/*         | false
            """)
    void resourceCoverage(String pattern, boolean covers) {
        assertThat(ResourceScope.objectsOf("arn:aws:s3:::data").gap(deny(false, pattern)).isEmpty()).isEqualTo(covers);
    }

    @ParameterizedTest(name = "NotResource {0}: covers every object = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            arn:aws:s3:::data/public/*  | false
            arn:aws:s3:::data/*         | false
            arn:aws:s3:::data           | true
            arn:aws:s3:::other/*        | true
            arn:aws:s3:::dat            | true
            """)
    void notResourceCoverage(String pattern, boolean covers) {
        assertThat(ResourceScope.objectsOf("arn:aws:s3:::data").gap(deny(true, pattern)).isEmpty()).isEqualTo(covers);
    }

    @org.junit.jupiter.api.Test
    void theGapNamesWhatIsLeftOpen() {
        assertThat(ResourceScope.objectsOf("arn:aws:s3:::data").gap(deny(false, "arn:aws:s3:::data/logs/*")))
                .hasValue("S covers only arn:aws:s3:::data/logs/*, not every object of arn:aws:s3:::data");
        assertThat(ResourceScope.objectsOf("arn:aws:s3:::data").gap(deny(true, "arn:aws:s3:::data/public/*")))
                .hasValue("S leaves out arn:aws:s3:::data/public/* (NotResource)");
        String key = "arn:aws:kms:eu-west-1:111122223333:key/1234";
        assertThat(ResourceScope.exactly(key).gap(deny(false, "*"))).isEmpty();
        assertThat(ResourceScope.exactly(key).gap(deny(false, "arn:aws:kms:eu-west-1:111122223333:key/9999"))).isPresent();
    }
}
