package io.atrest.scanner.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyAnalysisTest {
    private static final String B = "arn:aws:s3:::b";
    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static PolicyDocument p(String statements) {
        return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
    }

    @Test
    void aGrantToEveryoneIsPublicUnlessARealConditionNarrowsIt() {
        assertThat(PublicAccess.publicGrants(p("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\"}"))).hasSize(1);
        assertThat(PublicAccess.publicGrants(p("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":\"s3:GetObject\"}"))).hasSize(1);
        assertThat(PublicAccess.publicGrants(p("""
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}}"""))).isEmpty();
        assertThat(PublicAccess.publicGrants(p("""
                {"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Condition":{"StringEquals":{"kms:CallerAccount":"111122223333"}}}"""))).isEmpty();
        // IfExists passes when the key is absent; "*" restricts nothing; a negative test opens to everyone else.
        assertThat(PublicAccess.publicGrants(p("""
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}}"""))).hasSize(1);
        assertThat(PublicAccess.publicGrants(p("""
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringLike":{"aws:PrincipalOrgID":"*"}}}"""))).hasSize(1);
        assertThat(PublicAccess.publicGrants(p("""
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-1"}}}"""))).hasSize(1);
        assertThat(PublicAccess.publicGrants(p("""
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"Bool":{"aws:SecureTransport":"true"}}}"""))).hasSize(1);
        assertThat(PublicAccess.publicGrants(p("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":\"s3:*\"}"))).isEmpty();
        // Conditions are evaluated for callers from outside: a CIDR of the whole internet or a pattern
        // matching every organization restricts nothing; the company's own range or organization does.
        assertThat(PublicAccess.publicGrants(p("""
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}}"""))).hasSize(1);
        assertThat(PublicAccess.publicGrants(p("""
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}"""))).isEmpty();
        assertThat(PublicAccess.publicGrants(p("""
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringLike":{"aws:PrincipalOrgID":"o-*"}}}"""))).hasSize(1);
        assertThat(PublicAccess.publicGrants(p("""
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringLike":{"aws:Referer":"https://example.com/*"}}}""")))
                .as("a header the caller writes").hasSize(1);
        assertThat(PublicAccess.publicGrants(p("""
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}""")))
                .as("only a service acting for the account").isEmpty();
        assertThat(PublicAccess.publicGrants(p("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\"}"))).isEmpty();
    }

    @Test
    void findsTheEncryptionTlsAndPerimeterDenials() {
        PolicyDocument policy = p("""
                {"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*",
                 "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"aws:kms"}}},
                {"Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*",
                 "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption-aws-kms-key-id":"arn:aws:kms:eu-west-1:1:key/k"}}},
                {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],
                 "Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                {"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"StringNotEquals":{"aws:SourceVpce":["vpce-1","vpce-2"]}}}""");
        assertThat(BucketPolicyAnalysis.deniesUnencryptedPut(policy, B, true).deniesAll()).isTrue();
        assertThat(BucketPolicyAnalysis.deniesOtherKeys(policy, B, "arn:aws:kms:eu-west-1:1:key/k").deniesAll()).isTrue();
        assertThat(BucketPolicyAnalysis.deniesOtherKeys(policy, B, "arn:aws:kms:eu-west-1:1:key/other").deniesAll()).isFalse();
        assertThat(BucketPolicyAnalysis.enforcesSecureTransport(policy, B).deniesAll()).isTrue();
        assertThat(BucketPolicyAnalysis.allowedNetworks(policy, B).networks()).containsExactly("vpce-1", "vpce-2");

        PolicyDocument weak = p("""
                {"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                {"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Condition":{"StringNotEqualsIfExists":{"s3:x-amz-server-side-encryption":"AES256"}}}""");
        assertThat(BucketPolicyAnalysis.enforcesSecureTransport(weak, B).gaps()).as("writes still allowed over HTTP")
                .containsExactly("no Deny of s3:PutObject applies to writes over HTTP");
        // IAM: a negated operator with IfExists is true when the key is absent, so a missing header is denied.
        assertThat(BucketPolicyAnalysis.deniesUnencryptedPut(weak, B, false).deniesAll()).isTrue();
        // ... but a request asking for AES256 is let through where the level needs KMS
        assertThat(BucketPolicyAnalysis.deniesUnencryptedPut(weak, B, true).gaps())
                .containsExactly("no Deny of s3:PutObject applies to uploads asking for SSE-S3 (AES256)");
        assertThat(BucketPolicyAnalysis.deniesUnencryptedPut(p("""
                {"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Condition":{"Null":{"s3:x-amz-server-side-encryption":"true"}}}"""),
                B, false).deniesAll()).isTrue();
        assertThat(BucketPolicyAnalysis.allowedNetworks(weak, B).closed()).isFalse();
    }

    @Test
    void expandsKeyPolicyGrantsAndSeesSeparationOfDutiesAndMfa() {
        PolicyDocument policy = p("""
                {"Sid":"root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
                {"Sid":"admins","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/KeyAdmin"},
                 "Action":["kms:Create*","kms:Describe*","kms:Enable*","kms:List*","kms:Put*","kms:Update*","kms:Revoke*",
                           "kms:Disable*","kms:Get*","kms:Delete*","kms:ScheduleKeyDeletion","kms:CancelKeyDeletion"],
                 "Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}},
                {"Sid":"app","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/App"},
                 "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncrypt*","kms:GenerateDataKey*","kms:DescribeKey"],"Resource":"*",
                 "Condition":{"StringEquals":{"kms:ViaService":"s3.eu-west-1.amazonaws.com"}}}""");
        var grants = KeyPolicyAnalysis.grantsToPrincipals(policy, "111122223333");
        assertThat(grants).doesNotContainKey("arn:aws:iam::111122223333:root");
        assertThat(grants.get("arn:aws:iam::111122223333:role/KeyAdmin").names()).contains("ScheduleKeyDeletion", "PutKeyPolicy", "DisableKey")
                .doesNotContain("Decrypt");
        assertThat(grants.get("arn:aws:iam::111122223333:role/App").names()).contains("Decrypt", "ReEncryptFrom", "GenerateDataKeyWithoutPlaintext")
                .doesNotContain("ScheduleKeyDeletion");
        assertThat(KeyPolicyAnalysis.statementsGranting(policy, "111122223333", "ScheduleKeyDeletion"))
                .allSatisfy(s -> assertThat(KeyPolicyAnalysis.requiresMfa(s)).isTrue());
        assertThat(KeyPolicyAnalysis.statementsGranting(policy, "111122223333", "Decrypt"))
                .allSatisfy(s -> assertThat(KeyPolicyAnalysis.restrictedToServices(s)).isTrue());
        assertThat(KeyPolicyAnalysis.isAccountRoot("111122223333", "111122223333")).isTrue();
        assertThat(KeyPolicyAnalysis.deniesWithoutMfa(p("""
                {"Effect":"Deny","Principal":"*","Action":["kms:ScheduleKeyDeletion","kms:DisableKey"],"Resource":"*",
                 "Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}"""), KEY, "DisableKey").deniesAll()).isTrue();
    }
}
