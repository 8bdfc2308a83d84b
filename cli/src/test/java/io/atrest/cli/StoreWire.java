package io.atrest.cli;

import io.atrest.scanner.fake.StubAws.Request;
import io.atrest.scanner.fake.StubAws.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The wire organization's answers for the declared kinds of store, in each service's own
 * protocol: query XML (Redshift, ElastiCache, SNS), JSON 1.0/1.1 (MemoryDB, DAX, Secrets Manager,
 * SQS, Kinesis, Firehose, CloudWatch Logs, ECR, FSx), REST-JSON (OpenSearch, AWS Backup, S3 Glacier,
 * MSK). Every account and region has none of them, but the member's us-east-1: one Redshift cluster
 * (query), one secret (JSON) and one backup vault without a policy (REST-JSON, its "no policy" a 404).
 */
final class StoreWire {
    static final String MEMBER = "222222222222";
    static final String WAREHOUSE = "arn:aws:redshift:us-east-1:" + MEMBER + ":cluster:warehouse";
    static final String SECRET = "arn:aws:secretsmanager:us-east-1:" + MEMBER + ":secret:db-password-AbCdEf";
    static final String VAULT = "arn:aws:backup:us-east-1:" + MEMBER + ":backup-vault:payments";

    private StoreWire() {}

    /** The answer when {@code r} is for one of the declared kinds' services, else null. */
    static Response answer(Request r, String account) {
        String service = r.signingService();
        boolean planted = MEMBER.equals(account) && "us-east-1".equals(r.signingRegion());
        if (service == null) {
            return null;
        }
        return switch (service) {
            case "redshift", "elasticache", "sns" -> query(service, URLDecoder.decode(r.body(), StandardCharsets.UTF_8), planted);
            case "memorydb", "dax", "secretsmanager", "sqs", "kinesis", "firehose", "ecr", "fsx" -> json(r.target(), planted);
            case "logs" -> logs(r.target());
            case "es", "backup", "glacier", "kafka" -> rest(service, r.path(), planted);
            default -> null;
        };
    }

    private static Response query(String service, String form, boolean planted) {
        String action = form.replaceAll("(?s).*Action=([A-Za-z]+).*", "$1");
        return switch (service + ":" + action) {
            case "redshift:DescribeClusters" -> queryResponse(action, "http://redshift.amazonaws.com/doc/2012-12-01/", "<Clusters>"
                    + (planted ? "<Cluster><ClusterIdentifier>warehouse</ClusterIdentifier><Encrypted>false</Encrypted>"
                            + "<PubliclyAccessible>true</PubliclyAccessible><Tags><Tag><Key>DataClassification</Key>"
                            + "<Value>restricted</Value></Tag></Tags></Cluster>" : "")
                    + "</Clusters>");
            case "elasticache:DescribeReplicationGroups" -> queryResponse(action, "http://elasticache.amazonaws.com/doc/2015-02-02/",
                    "<ReplicationGroups/>");
            case "sns:ListTopics" -> queryResponse(action, "http://sns.amazonaws.com/doc/2010-03-31/", "<Topics/>");
            default -> new Response(400, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>"
                    + action + "</Message></Error><RequestId>1</RequestId></ErrorResponse>");
        };
    }

    private static Response queryResponse(String action, String namespace, String result) {
        return Response.xml("<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></" + action + "Response>");
    }

    private static Response json(String target, boolean planted) {
        String operation = target.substring(target.lastIndexOf('.') + 1);
        String prefix = target.substring(0, target.lastIndexOf('.'));
        return switch (operation) {
            case "DescribeClusters" -> Response.json("{\"Clusters\":[]}"); // MemoryDB and DAX
            case "ListSecrets" -> Response.json("{\"SecretList\":[" + (planted ? "{\"ARN\":\"" + SECRET + "\",\"Name\":\"db-password\","
                    + "\"Tags\":[{\"Key\":\"DataClassification\",\"Value\":\"restricted\"}]}" : "") + "]}");
            case "GetResourcePolicy" -> Response.json("{\"ARN\":\"" + SECRET + "\",\"Name\":\"db-password\"}");
            case "ListQueues" -> Response.json("{\"QueueUrls\":[]}");
            case "ListStreams" -> Response.json("{\"StreamNames\":[],\"HasMoreStreams\":false}");
            case "ListDeliveryStreams" -> Response.json("{\"DeliveryStreamNames\":[],\"HasMoreDeliveryStreams\":false}");
            case "DescribeRepositories" -> Response.json("{\"repositories\":[]}");
            case "DescribeFileSystems" -> Response.json("{\"FileSystems\":[]}");
            default -> new Response(400, "application/x-amz-json-1.1", "{\"__type\":\"ValidationException\",\"message\":\"" + prefix + "."
                    + operation + "\"}");
        };
    }

    /** CloudWatch Logs: the metric filters are the monitoring collector's; log groups are a kind of store. */
    private static Response logs(String target) {
        String operation = target == null ? "" : target.substring(target.lastIndexOf('.') + 1);
        return switch (operation) {
            case "DescribeLogGroups" -> Response.json("{\"logGroups\":[]}");
            case "DescribeMetricFilters" -> Response.json("{\"metricFilters\":[]}");
            default -> null;
        };
    }

    private static Response rest(String service, String path, boolean planted) {
        if ("es".equals(service) && path.startsWith("/2021-01-01/domain")) {
            return new Response(200, "application/json", "{\"DomainNames\":[]}");
        }
        if ("glacier".equals(service) && path.startsWith("/-/vaults")) {
            return new Response(200, "application/json", "{\"VaultList\":[]}");
        }
        if ("kafka".equals(service) && path.startsWith("/api/v2/clusters")) {
            return new Response(200, "application/json", "{\"clusterInfoList\":[]}");
        }
        if ("backup".equals(service) && path.matches("/backup-vaults/?")) {
            return new Response(200, "application/json", "{\"BackupVaultList\":[" + (planted ? "{\"BackupVaultName\":\"payments\","
                    + "\"BackupVaultArn\":\"" + VAULT + "\",\"EncryptionKeyArn\":\"arn:aws:kms:us-east-1:" + MEMBER + ":key/cmk\"}" : "") + "]}");
        }
        if ("backup".equals(service) && path.endsWith("/access-policy")) {
            return new Response(404, "application/json", "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"no policy\"}");
        }
        if ("backup".equals(service) && path.startsWith("/tags/")) {
            return new Response(200, "application/json", "{\"Tags\":{\"DataClassification\":\"restricted\"}}");
        }
        return new Response(404, "application/json", "{\"message\":\"no route for " + service + " " + path + "\"}");
    }
}
