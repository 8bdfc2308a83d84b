package io.atrest.scanner.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.iam.ConditionEvaluator.Truth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IAM's condition semantics, from the IAM User Guide's "Condition operators" page: a key absent
 * from the request makes a condition false, except for negated operators and IfExists (true);
 * Null tests presence; ForAllValues holds for an absent key and ForAnyValue does not.
 */
class ConditionEvaluatorTest {

    private static Truth eval(String operator, String key, List<String> values, RequestContext request) {
        return ConditionEvaluator.evaluate(new Condition(operator, key, values), request);
    }

    /** operator, policy value, request value when present, expected when it matches, when it does not, when absent. */
    @ParameterizedTest(name = "{0} {1} vs {2}|{3}: {4} {5} {6}")
    @CsvSource(delimiter = '|', textBlock = """
            StringEquals                 | abc                    | abc                  | abd                  | TRUE  | FALSE | FALSE
            StringEqualsIfExists         | abc                    | abc                  | abd                  | TRUE  | FALSE | TRUE
            StringNotEquals              | abc                    | abc                  | abd                  | FALSE | TRUE  | TRUE
            StringNotEqualsIfExists      | abc                    | abc                  | abd                  | FALSE | TRUE  | TRUE
            StringEqualsIgnoreCase       | ABC                    | abc                  | abd                  | TRUE  | FALSE | FALSE
            StringNotEqualsIgnoreCase    | ABC                    | abc                  | abd                  | FALSE | TRUE  | TRUE
            StringLike                   | home/*/x?              | home/ann/x1          | Home/ann/x1          | TRUE  | FALSE | FALSE
            StringLikeIfExists           | home/*                 | home/ann             | work/ann             | TRUE  | FALSE | TRUE
            StringNotLike                | home/*                 | home/ann             | work/ann             | FALSE | TRUE  | TRUE
            NumericEquals                | 10                     | 10.0                 | 11                   | TRUE  | FALSE | FALSE
            NumericNotEquals             | 10                     | 10                   | 11                   | FALSE | TRUE  | TRUE
            NumericLessThan              | 3600                   | 120                  | 7200                 | TRUE  | FALSE | FALSE
            NumericLessThanEquals        | 3600                   | 3600                 | 3601                 | TRUE  | FALSE | FALSE
            NumericGreaterThan           | 1                      | 2                    | 1                    | TRUE  | FALSE | FALSE
            NumericGreaterThanEquals     | 1                      | 1                    | 0                    | TRUE  | FALSE | FALSE
            NumericLessThanIfExists      | 3600                   | 120                  | 7200                 | TRUE  | FALSE | TRUE
            DateEquals                   | 2026-01-01T00:00:00Z   | 1767225600           | 2026-01-02T00:00:00Z | TRUE  | FALSE | FALSE
            DateNotEquals                | 2026-01-01T00:00:00Z   | 2026-01-01T00:00:00Z | 2026-01-02T00:00:00Z | FALSE | TRUE  | TRUE
            DateLessThan                 | 2026-01-01T00:00:00Z   | 2025-12-31T23:59:59Z | 2026-01-01T00:00:00Z | TRUE  | FALSE | FALSE
            DateGreaterThanEquals        | 2026-01-01             | 2026-01-01T00:00:00Z | 2025-06-01T00:00:00Z | TRUE  | FALSE | FALSE
            Bool                         | true                   | true                 | false                | TRUE  | FALSE | FALSE
            BoolIfExists                 | false                  | false                | true                 | TRUE  | FALSE | TRUE
            BinaryEquals                 | QmluYXJ5               | QmluYXJ5             | QmluYXJz             | TRUE  | FALSE | FALSE
            IpAddress                    | 203.0.113.0/24         | 203.0.113.9          | 198.51.100.1         | TRUE  | FALSE | FALSE
            IpAddress                    | 2001:db8::/32          | 2001:db8:1::5        | 2001:db9::1          | TRUE  | FALSE | FALSE
            NotIpAddress                 | 203.0.113.0/24         | 203.0.113.9          | 198.51.100.1         | FALSE | TRUE  | TRUE
            IpAddressIfExists            | 10.0.0.0/8             | 10.1.2.3             | 11.1.2.3             | TRUE  | FALSE | TRUE
            ArnEquals                    | arn:aws:iam::*:role/a* | arn:aws:iam::1:role/ab | arn:aws:iam::1:user/ab | TRUE  | FALSE | FALSE
            ArnLike                      | arn:aws:s3:::b/*       | arn:aws:s3:::b/k     | arn:aws:s3:::c/k     | TRUE  | FALSE | FALSE
            ArnNotEquals                 | arn:aws:iam::1:role/a  | arn:aws:iam::1:role/a | arn:aws:iam::1:role/b | FALSE | TRUE  | TRUE
            ArnNotLike                   | arn:aws:iam::*:role/a* | arn:aws:iam::1:role/ab | arn:aws:iam::1:user/ab | FALSE | TRUE  | TRUE
            ArnLikeIfExists              | arn:aws:iam::*:role/a* | arn:aws:iam::1:role/ab | arn:aws:iam::1:user/ab | TRUE  | FALSE | TRUE
            ForAnyValue:StringEquals     | a                      | a                    | b                    | TRUE  | FALSE | FALSE
            ForAllValues:StringEquals    | a                      | a                    | b                    | TRUE  | FALSE | TRUE
            ForAnyValue:StringNotEquals  | a                      | a                    | b                    | FALSE | TRUE  | FALSE
            ForAllValues:StringNotLike   | a*                     | ab                   | b                    | FALSE | TRUE  | TRUE
            """)
    void eachOperatorWithTheKeyMatchingNotMatchingAndAbsent(String operator, String policyValue, String matching, String other,
                                                            Truth whenMatching, Truth whenOther, Truth whenAbsent) {
        String key = "test:Key";
        assertThat(eval(operator, key, List.of(policyValue), RequestContext.empty().with(key, matching))).as("present, matching").isEqualTo(whenMatching);
        assertThat(eval(operator, key, List.of(policyValue), RequestContext.empty().with(key, other))).as("present, other").isEqualTo(whenOther);
        assertThat(eval(operator, key, List.of(policyValue), RequestContext.empty().without(key))).as("absent").isEqualTo(whenAbsent);
    }

    @Test
    void nullTestsPresenceOnly() {
        RequestContext present = RequestContext.empty().with("s3:x-amz-server-side-encryption", "AES256");
        RequestContext absent = RequestContext.empty().without("s3:x-amz-server-side-encryption");
        assertThat(eval("Null", "s3:x-amz-server-side-encryption", List.of("true"), absent)).isEqualTo(Truth.TRUE);
        assertThat(eval("Null", "s3:x-amz-server-side-encryption", List.of("true"), present)).isEqualTo(Truth.FALSE);
        assertThat(eval("Null", "s3:x-amz-server-side-encryption", List.of("false"), present)).isEqualTo(Truth.TRUE);
        assertThat(eval("Null", "s3:x-amz-server-side-encryption", List.of("false"), absent)).isEqualTo(Truth.FALSE);
    }

    @Test
    void severalValuesAreAlternativesAndNegationMeansNoneMatches() {
        RequestContext vpce2 = RequestContext.empty().with("aws:SourceVpce", "vpce-2");
        assertThat(eval("StringEquals", "aws:SourceVpce", List.of("vpce-1", "vpce-2"), vpce2)).isEqualTo(Truth.TRUE);
        assertThat(eval("StringNotEquals", "aws:SourceVpce", List.of("vpce-1", "vpce-2"), vpce2)).isEqualTo(Truth.FALSE);
        assertThat(eval("StringNotEquals", "aws:SourceVpce", List.of("vpce-1", "vpce-3"), vpce2)).isEqualTo(Truth.TRUE);
    }

    @Test
    void multivaluedKeysUnderForAllValuesAndForAnyValue() {
        RequestContext tags = RequestContext.empty().with("aws:TagKeys", "env", "owner");
        assertThat(eval("ForAllValues:StringEquals", "aws:TagKeys", List.of("env", "owner", "cost"), tags)).isEqualTo(Truth.TRUE);
        assertThat(eval("ForAllValues:StringEquals", "aws:TagKeys", List.of("env"), tags)).isEqualTo(Truth.FALSE);
        assertThat(eval("ForAnyValue:StringEquals", "aws:TagKeys", List.of("owner"), tags)).isEqualTo(Truth.TRUE);
        assertThat(eval("ForAnyValue:StringEquals", "aws:TagKeys", List.of("cost"), tags)).isEqualTo(Truth.FALSE);
    }

    @Test
    void keysNamesAreCaseInsensitiveAndUnmodelledKeysOrVariablesAreUnknown() {
        RequestContext request = RequestContext.empty().with("AWS:SecureTransport", "false");
        assertThat(eval("Bool", "aws:securetransport", List.of("false"), request)).isEqualTo(Truth.TRUE);
        assertThat(eval("StringEquals", "aws:PrincipalTag/team", List.of("data"), request)).isEqualTo(Truth.UNKNOWN);
        assertThat(eval("StringLike", "aws:SecureTransport", List.of("${aws:username}"), request)).isEqualTo(Truth.UNKNOWN);
        assertThat(ConditionEvaluator.evaluate(List.of(new Condition("Bool", "aws:SecureTransport", List.of("true")),
                new Condition("StringEquals", "aws:PrincipalTag/team", List.of("data"))), request)).as("FALSE wins an AND").isEqualTo(Truth.FALSE);
    }

    @Test
    void ipLiteralsAreParsedNeverLookedUp() {
        assertThat(ConditionEvaluator.inCidr("203.0.113.7", "0.0.0.0/0")).isTrue();
        assertThat(ConditionEvaluator.inCidr("203.0.113.7", "203.0.113.7")).isTrue();
        assertThat(ConditionEvaluator.inCidr("example.com", "0.0.0.0/0")).isFalse();
        assertThat(ConditionEvaluator.inCidr("999.1.1.1", "0.0.0.0/0")).isFalse();
        assertThat(ConditionEvaluator.inCidr("203.0.113.7", "203.0.113.0/33")).isFalse();
    }

    /** The IAM User Guide's example: long-term access keys carry no aws:MultiFactorAuthPresent. */
    @Test
    void aDenyOnBoolMfaFalseMissesLongTermAccessKeysAndBoolIfExistsDoesNot() {
        RequestContext longTermKeys = RequestContext.empty().without("aws:MultiFactorAuthPresent");
        RequestContext temporaryWithoutMfa = RequestContext.empty().with("aws:MultiFactorAuthPresent", "false");
        assertThat(eval("Bool", "aws:MultiFactorAuthPresent", List.of("false"), longTermKeys)).isEqualTo(Truth.FALSE);
        assertThat(eval("Bool", "aws:MultiFactorAuthPresent", List.of("false"), temporaryWithoutMfa)).isEqualTo(Truth.TRUE);
        assertThat(eval("BoolIfExists", "aws:MultiFactorAuthPresent", List.of("false"), longTermKeys)).isEqualTo(Truth.TRUE);
        assertThat(eval("BoolIfExists", "aws:MultiFactorAuthPresent", List.of("false"), temporaryWithoutMfa)).isEqualTo(Truth.TRUE);
    }
}
