package io.atrest.scanner.stores.logs;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;


/** DescribeLogGroups per region and page (the key is in the listing), then each group's tags. */
final class LogsCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        CloudWatchLogsClient logs = clients.logs(region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup>> groups = calls.observe("logs", "DescribeLogGroups", null,
                () -> logs.describeLogGroupsPaginator(r -> { }).logGroups().stream().toList());
        if (!groups.isKnown()) {
            return;
        }
        for (software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup g : groups.value()) {
            String arn = arn(g);
            Observed<Map<String, String>> tags = calls.observe("logs", "ListTagsForResource", arn,
                    () -> logs.listTagsForResource(r -> r.resourceArn(arn)).tags());
            sink.store(new LogGroup(accountId, region, g.logGroupName(), arn, g.kmsKeyId(), tags));
        }
    }

    /** The group's ARN without the ":*" DescribeLogGroups appends to "arn" (the form tag calls take). */
    static String arn(software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup group) {
        String arn = group.logGroupArn() != null ? group.logGroupArn() : group.arn();
        return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
    }
}
