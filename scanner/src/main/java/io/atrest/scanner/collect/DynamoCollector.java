package io.atrest.scanner.collect;

import io.atrest.scanner.inventory.DynamoTable;
import io.atrest.scanner.inventory.Observed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Collects one region's DynamoDB tables. ListTables gives names only, so each table costs
 * DescribeTable (encryption, deletion protection), DescribeContinuousBackups (PITR) and
 * ListTagsOfResource (classification).
 */
public final class DynamoCollector {
    private final String accountId;
    private final String region;
    private final DynamoDbClient dynamo;
    private final InventoryBuilder sink;

    public DynamoCollector(String accountId, String region, DynamoDbClient dynamo, InventoryBuilder sink) {
        this.accountId = accountId;
        this.region = region;
        this.dynamo = dynamo;
        this.sink = sink;
    }

    public void collect() {
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<String>> names = calls.observe("dynamodb", "ListTables", null,
                () -> dynamo.listTablesPaginator(r -> { }).tableNames().stream().toList());
        if (!names.isKnown()) {
            return;
        }
        for (String name : names.value()) {
            Observed<TableDescription> table = calls.observe("dynamodb", "DescribeTable", name,
                    () -> dynamo.describeTable(r -> r.tableName(name)).table(), Set.of("ResourceNotFoundException"), null);
            if (!table.isPresent()) {
                continue; // deleted since it was listed, or undescribable (the error is recorded)
            }
            TableDescription t = table.value();
            SSEDescription sse = t.sseDescription();
            boolean kms = sse != null && "KMS".equals(sse.sseTypeAsString());
            Observed<Boolean> pitr = calls.observe("dynamodb", "DescribeContinuousBackups", t.tableArn(),
                    () -> {
                        var description = dynamo.describeContinuousBackups(r -> r.tableName(name)).continuousBackupsDescription();
                        return description != null && description.pointInTimeRecoveryDescription() != null
                                && "ENABLED".equals(description.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString());
                    });
            Observed<Map<String, String>> tags = calls.observe("dynamodb", "ListTagsOfResource", t.tableArn(), () -> {
                Map<String, String> map = new LinkedHashMap<>();
                String token = null;
                do {
                    String next = token;
                    ListTagsOfResourceResponse page = dynamo.listTagsOfResource(r -> r.resourceArn(t.tableArn()).nextToken(next));
                    map.putAll(Tags.of(page.tags(), tag -> tag.key(), tag -> tag.value()));
                    token = page.nextToken();
                } while (token != null);
                return map;
            });
            sink.dynamoTable(new DynamoTable(accountId, region, t.tableName(), t.tableArn(), t.tableStatusAsString(), kms,
                    kms ? sse.kmsMasterKeyArn() : null, Boolean.TRUE.equals(t.deletionProtectionEnabled()), pitr, tags));
        }
    }
}
