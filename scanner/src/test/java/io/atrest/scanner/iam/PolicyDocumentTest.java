package io.atrest.scanner.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyDocumentTest {
    @Test
    void readsEveryLegalShape() {
        PolicyDocument single = PolicyDocument.parse("""
                {"version":"2012-10-17","statement":{"effect":"Allow","principal":"*","action":"s3:GetObject",
                 "resource":"arn:aws:s3:::b/*"}}""");
        assertThat(single.statements()).singleElement().satisfies(s -> {
            assertThat(s.allow()).isTrue();
            assertThat(s.principal().everyone()).isTrue();
            assertThat(s.actions()).containsExactly("s3:GetObject");
        });
        PolicyDocument many = PolicyDocument.parse("""
                {"Statement":[
                  {"Sid":"a","Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::1:role/x","2"]},"NotAction":["s3:Get*"],
                   "NotResource":"arn:aws:s3:::b","Condition":{"ForAnyValue:StringLikeIfExists":{"AWS:SourceVpce":["vpce-*"]},
                   "Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:TlsVersion":1.2}}},
                  {"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com","AWS":"*"},"Action":"*"}]}""");
        Statement deny = many.statements().get(0);
        assertThat(deny.notPrincipal()).isTrue();
        assertThat(deny.principal().aws()).containsExactly("arn:aws:iam::1:role/x", "2");
        assertThat(deny.notAction()).isTrue();
        assertThat(deny.coversAction("s3:PutObject")).isTrue();
        assertThat(deny.coversAction("s3:GetObject")).isFalse();
        assertThat(deny.notResource()).isTrue();
        assertThat(deny.conditionsOn("aws:sourcevpce")).singleElement().satisfies(c -> {
            assertThat(c.baseOperator()).isEqualTo("StringLike");
            assertThat(c.ifExists()).isTrue();
        });
        assertThat(deny.conditionsOn("aws:SecureTransport").get(0).values()).containsExactly("false");
        assertThat(deny.conditionsOn("s3:TlsVersion").get(0).values()).containsExactly("1.2");
        Statement allow = many.statements().get(1);
        assertThat(allow.principal().everyone()).isTrue();
        assertThat(allow.principal().services()).containsExactly("cloudtrail.amazonaws.com");
        assertThat(allow.coversAction("kms:Decrypt")).isTrue();
    }

    @Test
    void rejectsWhatIsNotAPolicyWithAClearMessage() {
        assertThatThrownBy(() -> PolicyDocument.parse("{not json")).isInstanceOf(PolicyParseException.class).hasMessageContaining("JSON");
        assertThatThrownBy(() -> PolicyDocument.parse("[1,2]")).isInstanceOf(PolicyParseException.class);
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Maybe\"}]}"))
                .isInstanceOf(PolicyParseException.class).hasMessageContaining("Allow or Deny");
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{\"a\":1}}]}"))
                .isInstanceOf(PolicyParseException.class).hasMessageContaining("Action");
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\":7}")).isInstanceOf(PolicyParseException.class);
        assertThatThrownBy(() -> PolicyDocument.parse("  ")).isInstanceOf(PolicyParseException.class);
        assertThat(PolicyDocument.parse("{\"Version\":\"2012-10-17\"}").statements()).isEmpty();
    }

    @Test
    void wildcardsMatchLikeIam() {
        assertThat(Wildcards.matches("s3:*", "s3:PutObject")).isTrue();
        assertThat(Wildcards.matches("S3:put*", "s3:PutObject")).isTrue();
        assertThat(Wildcards.matches("kms:Re?ncrypt*", "kms:ReEncryptFrom")).isTrue();
        assertThat(Wildcards.matches("kms:Get*", "kms:Decrypt")).isFalse();
        assertThat(Wildcards.matches("*", "anything")).isTrue();
        assertThat(Wildcards.matches("a*b*c", "aXXbYYc")).isTrue();
        assertThat(Wildcards.matches("a*b*c", "aXXbYY")).isFalse();
    }
}
