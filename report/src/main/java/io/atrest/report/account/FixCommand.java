package io.atrest.report.account;

import io.atrest.report.Names;
import io.atrest.scanner.check.CliName;
import io.atrest.scanner.stores.CliNames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check's CLI fix with what atrest knows about the resource filled in: a bucket's name, a
 * volume's id, the account, the region. What stays a placeholder is a value only the reader can
 * choose (the key to encrypt with, a name for the copy) and is named in {@link #meaning}.
 */
final class FixCommand {
    private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z][a-z0-9-]*)>");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._:/@+=,%-]+");

    /** What the placeholders atrest cannot fill stand for. */
    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("key-arn", "the ARN of the customer-managed key of the data's level to encrypt with"),
            Map.entry("key-id", "the id of the key"),
            Map.entry("snap", "the id of the snapshot the first command creates"),
            Map.entry("snapshot", "the name of the snapshot to take and restore from"),
            Map.entry("new-cluster", "a name for the new, encrypted cluster"),
            Map.entry("new-group", "a name for the new, encrypted replication group"),
            Map.entry("new-vault", "a name for the new vault"),
            Map.entry("new-domain", "a name for the new domain"),
            Map.entry("new-repository", "a name for the new repository"),
            Map.entry("node-type", "the node type the cluster runs on"),
            Map.entry("role-arn", "the ARN of the IAM role the service uses"),
            Map.entry("admin-role", "the role that administers the key"),
            Map.entry("topic-arn", "the ARN of the SNS topic that receives the alerts"),
            Map.entry("bucket", "the bucket that receives the logs"),
            Map.entry("rtb-ids", "the route tables of the VPC's subnets"),
            Map.entry("subnets", "the VPC's subnets to place the endpoint in"),
            Map.entry("subnet", "a subnet for the restored file system"),
            Map.entry("backup", "the backup to restore from"),
            Map.entry("level", "the classification level of the data"),
            Map.entry("application", "the application the key serves"),
            Map.entry("code", "the current code of the root user's MFA device"),
            Map.entry("arn", "the ARN of the store"),
            Map.entry("description", "a description for the new group"),
            Map.entry("acl", "the access control list the new cluster uses"),
            Map.entry("name", "a name of your choice"),
            Map.entry("policy-id", "the id of the service control policy"),
            Map.entry("root-or-ou-id", "the root or OU to attach the policy to"));

    private FixCommand() {}

    /**
     * {@code template} with the account and region filled in, and, when {@code resourceArn} is
     * given, the placeholder naming that resource.
     */
    static String fill(String template, String resourceType, String resourceArn, String resourceName, String accountId, String region) {
        if (template == null || template.isEmpty()) {
            return "";
        }
        CliName self = resourceArn == null ? null : CliNames.of(resourceType).orElse(null);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = null;
            if (name.equals("region") && region != null && !region.isBlank()) {
                value = region;
            } else if (name.equals("account") && accountId != null) {
                value = accountId;
            } else if (self != null && name.equals(self.placeholder())) {
                value = value(self.form(), resourceArn, resourceName, accountId, region);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : shellWord(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholders still in {@code commands}, each with what it stands for. */
    static List<String> unknowns(List<String> commands) {
        Set<String> names = new LinkedHashSet<>();
        for (String command : commands) {
            Matcher m = PLACEHOLDER.matcher(command);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names.stream().map(n -> "<" + n + ">: " + MEANING.getOrDefault(n, "a value of your choice")).toList();
    }

    private static String value(CliName.Form form, String arn, String name, String accountId, String region) {
        String id = Names.lastSegment(arn);
        return switch (form) {
            case ARN -> arn;
            case ID -> id;
            case NAME -> name != null && !name.isBlank() ? name : id;
            case QUEUE_URL -> region == null || region.isBlank() ? null : "https://sqs." + region + ".amazonaws.com/" + accountId + "/" + id;
        };
    }

    /** Quotes a value the shell would split or expand (a log group named "app #1"); 'x'-encrypted stays one word. */
    private static String shellWord(String value) {
        if (SHELL_SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
