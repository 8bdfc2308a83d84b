package io.atrest.cli;

import io.atrest.scanner.fake.StubAws.Request;
import io.atrest.scanner.fake.StubAws.Response;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The wire organization's IAM, in IAM's query protocol with its policy documents URL-encoded as
 * IAM sends them. The member account has a role that may decrypt with every key (an inline policy
 * on "*"), a user with an active access key that may decrypt with the cards key (a customer-managed
 * policy), and a key administrator the key policy names; the management account has no identities.
 */
final class IamWire {
    static final String MEMBER = "222222222222";
    static final String READER = "arn:aws:iam::" + MEMBER + ":role/Reader";
    static final String OPS = "arn:aws:iam::" + MEMBER + ":user/ops";
    static final String DECRYPT_CARDS = "arn:aws:iam::" + MEMBER + ":policy/decrypt-cards";
    /** The key policy of the member's cards key: the account's IAM decides, and KeyAdmin administers. */
    static final String CARDS_KEY_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"Root\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + MEMBER + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
            + "{\"Sid\":\"Admins\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + MEMBER + ":role/KeyAdmin\"},"
            + "\"Action\":[\"kms:PutKeyPolicy\",\"kms:ScheduleKeyDeletion\",\"kms:Describe*\"],\"Resource\":\"*\"}]}";
    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private IamWire() {}

    /** The answer when {@code r} is for IAM, else null. */
    static Response answer(Request r, String account) {
        if (!"iam".equals(r.signingService())) {
            return null;
        }
        String form = URLDecoder.decode(r.body(), StandardCharsets.UTF_8);
        String action = form.replaceAll("(?s).*Action=([A-Za-z]+).*", "$1");
        boolean member = MEMBER.equals(account);
        return switch (action) {
            case "GetAccountAuthorizationDetails" -> result(action, "<IsTruncated>false</IsTruncated>"
                    + (member ? "<UserDetailList>" + OPS_DETAIL + "</UserDetailList><GroupDetailList/><RoleDetailList>" + ROLES
                            + "</RoleDetailList><Policies>" + POLICIES + "</Policies>"
                            : "<UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/>"));
            case "ListAccessKeys" -> result(action, "<UserName>ops</UserName><AccessKeyMetadata><member><UserName>ops</UserName>"
                    + "<AccessKeyId>AKIAOPS</AccessKeyId><Status>Active</Status><CreateDate>2024-01-01T00:00:00Z</CreateDate></member>"
                    + "</AccessKeyMetadata><IsTruncated>false</IsTruncated>");
            default -> new Response(400, "text/xml", "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>InvalidAction</Code>"
                    + "<Message>" + action + "</Message></Error><RequestId>1</RequestId></ErrorResponse>");
        };
    }

    private static String encoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final String OPS_DETAIL = "<member><UserName>ops</UserName><Path>/</Path><UserId>AIDAOPS</UserId><Arn>" + OPS
            + "</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate><GroupList/><UserPolicyList/><AttachedManagedPolicies><member>"
            + "<PolicyName>decrypt-cards</PolicyName><PolicyArn>" + DECRYPT_CARDS + "</PolicyArn></member></AttachedManagedPolicies></member>";

    private static final String ROLES = "<member><RoleName>Reader</RoleName><Path>/</Path><RoleId>AROAREADER</RoleId><Arn>" + READER
            + "</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate><RolePolicyList><member><PolicyName>read-all</PolicyName><PolicyDocument>"
            + encoded("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"All\",\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\","
                    + "\"s3:GetObject\"],\"Resource\":\"*\"}]}")
            + "</PolicyDocument></member></RolePolicyList><AttachedManagedPolicies/><InstanceProfileList/></member>"
            + "<member><RoleName>KeyAdmin</RoleName><Path>/</Path><RoleId>AROAADMIN</RoleId><Arn>arn:aws:iam::" + MEMBER
            + ":role/KeyAdmin</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate><RolePolicyList/><AttachedManagedPolicies/>"
            + "<InstanceProfileList/></member>";

    private static final String POLICIES = "<member><PolicyName>decrypt-cards</PolicyName><PolicyId>ANPA1</PolicyId><Arn>" + DECRYPT_CARDS
            + "</Arn><Path>/</Path><DefaultVersionId>v1</DefaultVersionId><AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable>"
            + "<PolicyVersionList><member><Document>"
            + encoded("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\","
                    + "\"Resource\":\"arn:aws:kms:us-east-1:" + MEMBER + ":key/cmk\"}}")
            + "</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion></member></PolicyVersionList></member>";

    private static Response result(String action, String body) {
        return Response.xml("<" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + body + "</" + action
                + "Result><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></" + action + "Response>");
    }
}
