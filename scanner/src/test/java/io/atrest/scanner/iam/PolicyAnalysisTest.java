package io.atrest.scanner.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyAnalysisTest {
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
        assertThat(BucketPolicyAnalysis.deniesUnencryptedPut(policy, true)).isPresent();
        assertThat(BucketPolicyAnalysis.deniesOtherKeys(policy, "arn:aws:kms:eu-west-1:1:key/k")).isPresent();
        assertThat(BucketPolicyAnalysis.deniesOtherKeys(policy, "arn:aws:kms:eu-west-1:1:key/other")).isEmpty();
        assertThat(BucketPolicyAnalysis.enforcesSecureTransport(policy)).isPresent();
        assertThat(BucketPolicyAnalysis.allowedNetworks(policy)).containsExactly("vpce-1", "vpce-2");

        PolicyDocument weak = p("""
                {"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                {"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Condition":{"StringNotEqualsIfExists":{"s3:x-amz-server-side-encryption":"AES256"}}}""");
        assertThat(BucketPolicyAnalysis.enforcesSecureTransport(weak)).as("writes still allowed over HTTP").isEmpty();
        assertThat(BucketPolicyAnalysis.deniesUnencryptedPut(weak, false)).as("IfExists lets a missing header through").isEmpty();
        assertThat(BucketPolicyAnalysis.deniesUnencryptedPut(p("""
                {"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Condition":{"Null":{"s3:x-amz-server-side-encryption":"true"}}}"""),
                false)).isPresent();
        assertThat(BucketPolicyAnalysis.allowedNetworks(weak)).isEmpty();
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
                {"Effect":"Deny","Principal":"*","Action":["kms:ScheduleKeyDeletion","kms:DisableKey"],
                 "Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}"""), "DisableKey")).isTrue();
    }
}
