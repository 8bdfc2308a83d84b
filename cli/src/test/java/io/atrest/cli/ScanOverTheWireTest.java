package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrest.scanner.fake.StubAws;
import io.atrest.scanner.fake.StubAws.Request;
import io.atrest.scanner.fake.StubAws.Response;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
import io.atrest.sql.StoredFinding;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atrest scan --endpoint-url} against a loopback stub that speaks each service's real
 * protocol (STS query XML, Organizations and KMS JSON 1.1, S3 and S3 Control REST XML, and every
 * declared kind of store's own, {@link StoreWire}): a
 * two-account organization, entered by AssumeRole, scanned twice into H2.
 */
@ExtendWith(ManagementCredentials.class)
class ScanOverTheWireTest {
    private static final String MANAGEMENT = "111111111111";
    private static final String MEMBER = "222222222222";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String S3NS = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    @TempDir
    Path dir;
    private StubAws stub;

    @AfterEach
    void clear() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void scansAnOrganizationThroughTheRealProtocols() throws Exception {
        stub = new StubAws(ScanOverTheWireTest::answer);
        String db = "jdbc:h2:file:" + dir.resolve("atrest");
        String[] args = {"scan", "--endpoint-url", stub.endpoint().toString(), "--home-region", "us-east-1",
                "--role-name", "AtrestScanner", "--external-id", "ext-123", "--regions", "us-east-1,eu-west-1", "--db", db,
                "--save-inventory", dir.resolve("inventory.json.gz").toString()};

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Atrest.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));

        // One bucket's encryption is denied: the run is PARTIAL, exits 4 and says so.
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.PARTIAL);
        assertThat(out.toString()).contains("Run 1").contains("PARTIAL").contains("Accounts   2 stored");
        Request assume = stub.requests().stream().filter(r -> r.body().contains("Action=AssumeRole")).findFirst().orElseThrow();
        String form = URLDecoder.decode(assume.body(), StandardCharsets.UTF_8);
        assertThat(form).contains("RoleArn=arn:aws:iam::222222222222:role/AtrestScanner")
                .contains("RoleSessionName=atrest").contains("ExternalId=ext-123");
        // Read-only on the wire too: S3 and S3 Control only ever see GETs.
        assertThat(stub.requests()).filteredOn(r -> r.target() == null && !r.body().contains("Action="))
                .allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));

        try (HistoryStore store = HistoryStore.open(db)) {
            assertThat(store.runLog().run(1).orElseThrow().status()).isEqualTo(RunStatus.PARTIAL);
            List<StoredFinding> findings = store.queries().findings(1);
            assertThat(findings).extracting(StoredFinding::accountId).contains(MANAGEMENT, MEMBER);
            assertThat(find(findings, "arn:aws:s3:::member-cards", "s3-key-tier").outcome()).isEqualTo("PASS");
            assertThat(find(findings, "arn:aws:s3:::member-cards", "s3-versioning").outcome()).isEqualTo("PASS");
            assertThat(find(findings, "arn:aws:s3:::member-cards", "s3-block-public-access").outcome()).isEqualTo("PASS");
            assertThat(find(findings, "arn:aws:s3:::mgmt-plain", "s3-key-tier").classification()).isEqualTo("internal");
            StoredFinding open = find(findings, "arn:aws:s3:::mgmt-plain", "s3-block-public-access");
            assertThat(open.outcome()).as(open.message()).isEqualTo("FAIL");
            StoredFinding denied = find(findings, "arn:aws:s3:::mgmt-locked", "s3-default-encryption");
            assertThat(denied.outcome()).isEqualTo("NOT_EVALUATED");
            assertThat(denied.reason()).isEqualTo("ACCESS_DENIED");
            assertThat(find(findings, "arn:aws:kms:us-east-1:222222222222:key/cmk", "kms-rotation").outcome()).isEqualTo("FAIL");
            assertThat(findings).noneMatch(f -> f.resourceArn().contains("333333333333"));
            // The declared kinds over their own protocols: query XML, JSON, REST-JSON (a 404 "no policy" is a fact).
            assertThat(find(findings, StoreWire.WAREHOUSE, "redshift-encrypted").outcome()).isEqualTo("FAIL");
            assertThat(find(findings, StoreWire.WAREHOUSE, "redshift-not-publicly-accessible").outcome()).isEqualTo("FAIL");
            assertThat(find(findings, StoreWire.SECRET, "secretsmanager-key-tier").outcome()).as("aws/secretsmanager, restricted")
                    .isEqualTo("FAIL");
            assertThat(find(findings, StoreWire.SECRET, "secretsmanager-not-public").outcome()).isEqualTo("PASS");
            assertThat(find(findings, StoreWire.VAULT, "backup-vault-not-public").outcome()).isEqualTo("PASS");
            assertThat(find(findings, StoreWire.VAULT, "backup-vault-key-tier").outcome()).isEqualTo("PASS");
            // Who can decrypt the restricted cards key: the key policy joined with IAM read over its query protocol.
            StoredFinding decryptors = find(findings, "arn:aws:kms:us-east-1:222222222222:key/cmk", "kms-decrypt-principals");
            assertThat(decryptors.outcome()).as(decryptors.message()).isEqualTo("FAIL");
            assertThat(decryptors.message()).contains("long-term credentials");
            assertThat(find(findings, "arn:aws:kms:us-east-1:222222222222:key/cmk", "kms-admin-can-decrypt").outcome()).isEqualTo("PASS");
            assertThat(find(findings, IamWire.READER + "#inline-policy/read-all", "iam-kms-least-privilege").outcome()).isEqualTo("FAIL");
            assertThat(findings).as("a policy naming its key is no finding")
                    .noneMatch(f -> f.resourceArn().equals(IamWire.DECRYPT_CARDS) && f.checkId().equals("iam-kms-least-privilege"));
            var errors = io.atrest.scanner.inventory.InventoryDocument.read(dir.resolve("inventory.json.gz")).errors();
            assertThat(store.runLog().run(1).orElseThrow().collectionErrors()).as("only the planted denial fails: %s", errors).isEqualTo(1);
        }

        var saved = io.atrest.scanner.inventory.InventoryDocument.read(dir.resolve("inventory.json.gz"));
        assertThat(saved.accounts()).extracting(a -> a.id()).containsExactly(MANAGEMENT, MEMBER);
        assertThat(saved.buckets()).hasSize(3);
        assertThat(saved.volumes()).singleElement().satisfies(v -> {
            assertThat(v.encrypted()).isFalse();
            assertThat(v.tags()).containsEntry("DataClassification", "confidential");
        });
        assertThat(saved.dynamoTables()).singleElement().satisfies(t -> {
            assertThat(t.kmsEncrypted()).isFalse();
            assertThat(t.pointInTimeRecovery().value()).isTrue();
            assertThat(t.tags().value()).containsEntry("DataClassification", "restricted");
        });

        assertThat(Atrest.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isEqualTo(ExitCode.PARTIAL);
        try (HistoryStore store = HistoryStore.open(db)) {
            assertThat(store.runLog().recentRuns(10)).hasSize(2);
        }
    }

    private static StoredFinding find(List<StoredFinding> findings, String arn, String check) {
        return findings.stream().filter(f -> f.resourceArn().equals(arn) && f.checkId().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " for " + arn));
    }

    /** The fake AWS: which account is asking follows from the access key the request was signed with. */
    static Response answer(Request r) {
        String account = "ASIAMEMBER".equals(r.accessKey()) ? MEMBER : MANAGEMENT;
        try {
            if (r.body().contains("Action=GetCallerIdentity")) {
                return StsWire.callerIdentity(account);
            }
            if (r.body().contains("Action=AssumeRole")) {
                return StsWire.assumedRole(MEMBER, "AtrestScanner", "ASIAMEMBER");
            }
            Response store = StoreWire.answer(r, account);
            if (store != null) {
                return store;
            }
            Response iam = IamWire.answer(r, account);
            if (iam != null) {
                return iam;
            }
            if (r.body().contains("Action=")) {
                return query(URLDecoder.decode(r.body(), StandardCharsets.UTF_8), account, r.signingRegion());
            }
            if (r.target() != null && !r.target().startsWith("AWSOrganizationsV20161128.") && !r.target().startsWith("TrentService.")) {
                return json(r.target(), account, r.signingRegion());
            }
            if (r.path().startsWith("/2015-02-01/file-systems")) {
                return new Response(200, "application/json", "{\"FileSystems\":[]}");
            }
            if (r.target() != null && r.target().startsWith("AWSOrganizationsV20161128.")) {
                return organizations(r.target().substring(r.target().indexOf('.') + 1), r);
            }
            if (r.target() != null && r.target().startsWith("TrentService.")) {
                return kms(r.target().substring(r.target().indexOf('.') + 1), account, r.signingRegion(), r);
            }
            if (r.path().startsWith("/v20180820/configuration/publicAccessBlock")) {
                return MEMBER.equals(account)
                        ? Response.xml("<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls>"
                                + "<IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>"
                                + "<RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>")
                        // S3 Control wraps its errors in ErrorResponse, unlike S3 (as AWS answers).
                        : new Response(404, "application/xml", "<ErrorResponse><Error><Code>NoSuchPublicAccessBlockConfiguration</Code>"
                                + "<Message>The public access block configuration was not found</Message><AccountId>" + account
                                + "</AccountId></Error><RequestId>stub</RequestId><HostId>stub</HostId></ErrorResponse>");
            }
            return s3(account, r);
        } catch (Exception e) {
            return new Response(500, "text/plain", String.valueOf(e));
        }
    }

    /** EC2, RDS and CloudWatch speak the query protocol; the member account has one unencrypted volume in us-east-1. */
    private static Response query(String form, String account, String region) {
        String action = form.replaceAll("(?s).*Action=([A-Za-z]+).*", "$1");
        boolean volume = MEMBER.equals(account) && "us-east-1".equals(region);
        String ec2 = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
        return switch (action) {
            case "DescribeVolumes" -> Response.xml("<DescribeVolumesResponse " + ec2 + "><requestId>1</requestId><volumeSet>"
                    + (volume ? "<item><volumeId>vol-plain</volumeId><size>8</size><status>in-use</status><encrypted>false</encrypted>"
                            + "<attachmentSet/><tagSet><item><key>DataClassification</key><value>confidential</value></item></tagSet></item>" : "")
                    + "</volumeSet></DescribeVolumesResponse>");
            case "DescribeSnapshots" -> Response.xml("<DescribeSnapshotsResponse " + ec2 + "><requestId>1</requestId><snapshotSet/></DescribeSnapshotsResponse>");
            case "GetEbsEncryptionByDefault" -> Response.xml("<GetEbsEncryptionByDefaultResponse " + ec2
                    + "><requestId>1</requestId><ebsEncryptionByDefault>false</ebsEncryptionByDefault></GetEbsEncryptionByDefaultResponse>");
            case "GetEbsDefaultKmsKeyId" -> Response.xml("<GetEbsDefaultKmsKeyIdResponse " + ec2
                    + "><requestId>1</requestId><kmsKeyId>alias/aws/ebs</kmsKeyId></GetEbsDefaultKmsKeyIdResponse>");
            case "DescribeVpcs" -> Response.xml("<DescribeVpcsResponse " + ec2 + "><requestId>1</requestId><vpcSet/></DescribeVpcsResponse>");
            case "DescribeVpcEndpoints" -> Response.xml("<DescribeVpcEndpointsResponse " + ec2
                    + "><requestId>1</requestId><vpcEndpointSet/></DescribeVpcEndpointsResponse>");
            case "DescribeDBInstances", "DescribeDBClusters", "DescribeDBSnapshots", "DescribeDBClusterSnapshots" -> {
                String list = switch (action) {
                    case "DescribeDBInstances" -> "DBInstances";
                    case "DescribeDBClusters" -> "DBClusters";
                    case "DescribeDBSnapshots" -> "DBSnapshots";
                    default -> "DBClusterSnapshots";
                };
                yield Response.xml("<" + action + "Response xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><" + action + "Result><"
                        + list + "/></" + action + "Result><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></" + action + "Response>");
            }
            case "DescribeAlarms" -> Response.xml("<DescribeAlarmsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                    + "<DescribeAlarmsResult><MetricAlarms/></DescribeAlarmsResult></DescribeAlarmsResponse>");
            default -> new Response(400, "text/xml", "<Response><Errors><Error><Code>InvalidAction</Code><Message>" + action
                    + "</Message></Error></Errors><RequestID>1</RequestID></Response>");
        };
    }

    /** DynamoDB, CloudTrail, CloudWatch Logs, EventBridge and Config speak JSON; only the member has a table. */
    private static Response json(String target, String account, String region) {
        String operation = target.substring(target.lastIndexOf('.') + 1);
        boolean table = MEMBER.equals(account) && "us-east-1".equals(region);
        return switch (operation) {
            case "ListTables" -> Response.json(table ? "{\"TableNames\":[\"orders\"]}" : "{\"TableNames\":[]}");
            case "DescribeTable" -> Response.json("{\"Table\":{\"TableName\":\"orders\",\"TableArn\":\"arn:aws:dynamodb:us-east-1:"
                    + MEMBER + ":table/orders\",\"TableStatus\":\"ACTIVE\",\"DeletionProtectionEnabled\":true}}");
            case "DescribeContinuousBackups" -> Response.json("{\"ContinuousBackupsDescription\":{\"ContinuousBackupsStatus\":\"ENABLED\","
                    + "\"PointInTimeRecoveryDescription\":{\"PointInTimeRecoveryStatus\":\"ENABLED\"}}}");
            case "ListTagsOfResource" -> Response.json("{\"Tags\":[{\"Key\":\"DataClassification\",\"Value\":\"restricted\"}]}");
            case "DescribeTrails" -> Response.json("{\"trailList\":[]}");
            case "DescribeMetricFilters" -> Response.json("{\"metricFilters\":[]}");
            case "ListRules" -> Response.json("{\"Rules\":[]}");
            case "DescribeConfigurationRecorders" -> Response.json("{\"ConfigurationRecorders\":[]}");
            case "DescribeConfigRules" -> Response.json("{\"ConfigRules\":[]}");
            default -> new Response(400, "application/x-amz-json-1.1", "{\"__type\":\"ValidationException\",\"message\":\"" + operation + "\"}");
        };
    }

    private static Response organizations(String operation, Request r) throws Exception {
        return switch (operation) {
            case "DescribeOrganization" -> Response.json("{\"Organization\":{\"Id\":\"o-wire12345\",\"MasterAccountId\":\"" + MANAGEMENT + "\"}}");
            case "ListAccounts" -> Response.json("{\"Accounts\":["
                    + "{\"Id\":\"" + MANAGEMENT + "\",\"Name\":\"management\",\"Email\":\"m@example.com\",\"Status\":\"ACTIVE\"},"
                    + "{\"Id\":\"" + MEMBER + "\",\"Name\":\"Λίμνη δεδομένων\",\"Email\":\"d@example.com\",\"Status\":\"ACTIVE\"},"
                    + "{\"Id\":\"333333333333\",\"Name\":\"closed\",\"Email\":\"c@example.com\",\"Status\":\"SUSPENDED\"}]}");
            case "ListParents" -> Response.json("{\"Parents\":[{\"Id\":\"r-abcd\",\"Type\":\"ROOT\"}]}");
            case "ListPolicies" -> Response.json("{\"Policies\":[]}");
            case "ListTagsForResource" -> Response.json(JSON.readTree(r.body()).path("ResourceId").asText().equals(MEMBER)
                    ? "{\"Tags\":[{\"Key\":\"DataClassification\",\"Value\":\"restricted\"}]}"
                    : "{\"Tags\":[]}");
            default -> new Response(400, "application/x-amz-json-1.1", "{\"__type\":\"InvalidInputException\",\"message\":\"" + operation + "\"}");
        };
    }

    private static Response kms(String operation, String account, String region, Request r) throws Exception {
        boolean keys = MEMBER.equals(account) && "us-east-1".equals(region);
        String prefix = "arn:aws:kms:" + region + ":" + account + ":key/";
        String keyId = r.body().isEmpty() ? "" : JSON.readTree(r.body()).path("KeyId").asText();
        String id = keyId.substring(keyId.lastIndexOf('/') + 1);
        return switch (operation) {
            case "ListAliases" -> Response.json(keys
                    ? "{\"Aliases\":[{\"AliasName\":\"alias/aws/s3\",\"AliasArn\":\"arn:aws:kms:us-east-1:" + MEMBER
                            + ":alias/aws/s3\",\"TargetKeyId\":\"awss3\"},{\"AliasName\":\"alias/cards\",\"TargetKeyId\":\"cmk\"}],\"Truncated\":false}"
                    : "{\"Aliases\":[],\"Truncated\":false}");
            case "ListKeys" -> Response.json(keys
                    ? "{\"Keys\":[{\"KeyId\":\"awss3\",\"KeyArn\":\"" + prefix + "awss3\"},{\"KeyId\":\"cmk\",\"KeyArn\":\"" + prefix + "cmk\"}],\"Truncated\":false}"
                    : "{\"Keys\":[],\"Truncated\":false}");
            case "DescribeKey" -> Response.json("{\"KeyMetadata\":{\"KeyId\":\"" + id + "\",\"Arn\":\"" + prefix + id
                    + "\",\"AWSAccountId\":\"" + account + "\",\"KeyManager\":\"" + (id.equals("cmk") ? "CUSTOMER" : "AWS")
                    + "\",\"KeyState\":\"Enabled\",\"Origin\":\"AWS_KMS\",\"KeySpec\":\"SYMMETRIC_DEFAULT\","
                    + "\"KeyUsage\":\"ENCRYPT_DECRYPT\",\"CreationDate\":1700000000.0,\"Enabled\":true}}");
            case "GetKeyRotationStatus" -> Response.json("{\"KeyRotationEnabled\":false}");
            case "GetKeyPolicy" -> Response.json(JSON.createObjectNode().put("PolicyName", "default").put("Policy", IamWire.CARDS_KEY_POLICY).toString());
            case "ListGrants" -> Response.json("{\"Grants\":[],\"Truncated\":false}");
            case "ListResourceTags" -> Response.json("{\"Tags\":[],\"Truncated\":false}");
            default -> new Response(400, "application/x-amz-json-1.1", "{\"__type\":\"ValidationException\",\"message\":\"" + operation + "\"}");
        };
    }

    private static Response s3(String account, Request r) {
        Set<String> buckets = MEMBER.equals(account) ? Set.of("member-cards") : Set.of("mgmt-plain", "mgmt-locked");
        if (r.path().equals("/")) {
            StringBuilder xml = new StringBuilder("<ListAllMyBucketsResult " + S3NS + "><Owner><ID>o</ID></Owner><Buckets>");
            buckets.stream().sorted().forEach(b -> xml.append("<Bucket><Name>").append(b)
                    .append("</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket>"));
            return Response.xml(xml.append("</Buckets></ListAllMyBucketsResult>").toString());
        }
        String bucket = r.path().substring(1);
        String query = r.query() == null ? "" : r.query();
        if (!buckets.contains(bucket)) {
            return Response.s3Error(404, "NoSuchBucket");
        }
        boolean cards = bucket.equals("member-cards");
        if (query.startsWith("encryption")) {
            if (bucket.equals("mgmt-locked")) {
                return Response.s3Error(403, "AccessDenied");
            }
            return Response.xml("<ServerSideEncryptionConfiguration " + S3NS + "><Rule><ApplyServerSideEncryptionByDefault>"
                    + (cards ? "<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>alias/cards</KMSMasterKeyID>"
                            : "<SSEAlgorithm>AES256</SSEAlgorithm>")
                    + "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>" + cards + "</BucketKeyEnabled></Rule>"
                    + "</ServerSideEncryptionConfiguration>");
        }
        if (query.startsWith("versioning")) {
            return Response.xml(cards
                    ? "<VersioningConfiguration " + S3NS + "><Status>Enabled</Status><MfaDelete>Disabled</MfaDelete></VersioningConfiguration>"
                    : "<VersioningConfiguration " + S3NS + "/>");
        }
        if (query.startsWith("acl")) {
            return Response.xml("<AccessControlPolicy " + S3NS + "><Owner><ID>o</ID></Owner><AccessControlList><Grant>"
                    + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>o</ID></Grantee>"
                    + "<Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>");
        }
        if (query.startsWith("publicAccessBlock")) {
            return Response.s3Error(404, "NoSuchPublicAccessBlockConfiguration");
        }
        if (query.startsWith("policy")) {
            return Response.s3Error(404, "NoSuchBucketPolicy");
        }
        if (query.startsWith("tagging")) {
            return cards
                    ? Response.xml("<Tagging " + S3NS + "><TagSet><Tag><Key>DataClassification</Key><Value>restricted</Value></Tag></TagSet></Tagging>")
                    : Response.s3Error(404, "NoSuchTagSet");
        }
        return Response.s3Error(400, "InvalidRequest");
    }
}
