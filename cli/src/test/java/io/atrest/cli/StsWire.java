package io.atrest.cli;

import io.atrest.scanner.fake.StubAws.Response;

/** STS as the wire tests' organizations answer it, in STS's query protocol. */
final class StsWire {
    private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private StsWire() {}

    /** GetCallerIdentity: a user of {@code account}. */
    static Response callerIdentity(String account) {
        return Response.xml("<GetCallerIdentityResponse xmlns=\"" + NS + "\"><GetCallerIdentityResult>"
                + "<Arn>arn:aws:iam::" + account + ":user/ci</Arn><UserId>AIDA</UserId><Account>" + account + "</Account>"
                + "</GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
    }

    /** AssumeRole into {@code account}: session credentials signed as {@code accessKey}, valid for long. */
    static Response assumedRole(String account, String roleName, String accessKey) {
        return Response.xml("<AssumeRoleResponse xmlns=\"" + NS + "\"><AssumeRoleResult>"
                + "<Credentials><AccessKeyId>" + accessKey + "</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
                + "<SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                + "<AssumedRoleUser><Arn>arn:aws:sts::" + account + ":assumed-role/" + roleName + "/atrest</Arn>"
                + "<AssumedRoleId>AROA:atrest</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>2</RequestId></ResponseMetadata></AssumeRoleResponse>");
    }
}
