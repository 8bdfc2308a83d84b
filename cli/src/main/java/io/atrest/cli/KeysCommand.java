package io.atrest.cli;

import io.atrest.report.Table;
import io.atrest.scanner.access.KeyCapability;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.Level;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredResource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The blast radius of each KMS key in the last stored run (or --run, or a saved --inventory): the stores "
                + "it protects, the most sensitive data among them and how many principals can decrypt, administer and delete it, "
                + "keys at risk (pending deletion or disabled while in use) first. --who lists the principals of each key; "
                + "--principal ARN what one principal can use, most sensitive data first.")
final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    OutputOption output;

    @Mixin
    PolicyOption policy;

    @Mixin
    RunOption runOption;

    @Option(names = "--inventory", paramLabel = "FILE", description = "A saved inventory instead of the history (scan --save-inventory).")
    Path inventoryFile;

    @Option(names = "--all", description = "Include AWS-managed keys and keys that protect nothing.")
    boolean all;

    @Option(names = "--who", description = "One row per key and principal: who can decrypt, administer and delete it (with --inventory, "
            + "what gives each its access and on which conditions).")
    boolean who;

    @Option(names = "--principal", paramLabel = "ARN", description = "The keys this principal (a user or role ARN, an account id or root "
            + "ARN, or *) can use, by the classification of the data they protect.")
    String principal;

    /** One key as the table shows it, from a saved inventory or a stored run. */
    private record Row(String name, String accountId, String region, String manager, KeyState state, int stores, Level highest,
                       Instant deletionDate, String arn, KeyGrantees access) {
        boolean atRisk() {
            return stores > 0 && (state.pendingDeletion() || state == KeyState.DISABLED);
        }

        boolean customerManaged() {
            return "CUSTOMER".equals(manager);
        }
    }

    @Override
    public Integer call() {
        if (inventoryFile != null && runOption.id != null) {
            throw new UserError("--run reads the history, --inventory a saved file: give one");
        }
        if (who && principal != null) {
            throw new UserError("--who lists every principal of each key, --principal one principal's keys: give one");
        }
        ClassificationPolicy classification = policy.load();
        Instant now = Instant.now();
        List<Row> rows = inventoryFile != null ? fromInventory(InventoryDocument.read(inventoryFile), classification, now)
                : fromHistory(classification);
        rows = rows.stream()
                .filter(r -> all || principal != null || (r.customerManaged() && r.stores() > 0) || r.atRisk())
                .sorted(Comparator.comparing((Row r) -> principal == null && !r.atRisk())
                        .thenComparing(r -> r.highest() == null ? -1 : -classification.rank(r.highest()))
                        .thenComparing(r -> -r.stores())
                        .thenComparing(Row::arn))
                .toList();
        Table table = who ? whoTable(rows) : principal != null ? principalTable(rows) : keyTable(rows, now);
        spec.commandLine().getOut().print(table.render(output.format));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private static Table keyTable(List<Row> rows, Instant now) {
        Table table = new Table("key", "account", "region", "manager", "state", "stores", "highest_level", "at_risk", "days_left",
                "can_decrypt", "can_administer", "can_delete", "access", "arn");
        for (Row r : rows) {
            Long days = r.deletionDate() == null ? null : Math.max(0, Duration.between(now, r.deletionDate()).toDays());
            KeyGrantees g = r.access();
            boolean judged = !g.status().equals("n/a") && !g.status().equals("unknown");
            table.row(r.name(), r.accountId(), r.region(), r.manager(), r.state(), r.stores(),
                    r.highest() == null ? null : r.highest().name(), r.atRisk() ? "yes" : "no", days,
                    judged ? g.count(KeyCapability.DECRYPT) : null, judged ? g.count(KeyCapability.ADMINISTER) : null,
                    judged ? g.count(KeyCapability.DELETE) : null, g.status(), r.arn());
        }
        return table;
    }

    /** Every principal of each key; with an inventory, what gives it access. */
    private Table whoTable(List<Row> rows) {
        Table table = new Table("key", "highest_level", "principal", "kind", "can", "conditional", "why", "arn");
        for (Row r : rows) {
            for (KeyGrantees.Grantee g : r.access().grantees()) {
                table.row(r.name(), r.highest() == null ? null : r.highest().name(), g.principal(), g.kind(), g.canText(),
                        g.conditional() ? "yes" : "no", g.detail(), r.arn());
            }
            if (r.access().leftOut() > 0) {
                table.row(r.name(), r.highest() == null ? null : r.highest().name(), "(" + r.access().leftOut() + " more, see --inventory)",
                        null, null, null, null, r.arn());
            }
        }
        return table;
    }

    /** The keys one principal can use, most sensitive data first (the rows are sorted so already). */
    private Table principalTable(List<Row> rows) {
        Table table = new Table("key", "account", "region", "highest_level", "stores", "can", "conditional", "access", "arn");
        for (Row r : rows) {
            r.access().grantees().stream().filter(g -> g.principal().equals(principal)).findFirst().ifPresent(g -> table.row(r.name(),
                    r.accountId(), r.region(), r.highest() == null ? null : r.highest().name(), r.stores(), g.canText(),
                    g.conditional() ? "yes" : "no", r.access().status(), r.arn()));
        }
        return table;
    }

    private static List<Row> fromInventory(Inventory inventory, ClassificationPolicy classification, Instant now) {
        Evaluation evaluation = new Evaluation(inventory, classification, now);
        List<Row> rows = new ArrayList<>();
        for (KmsKey k : inventory.keys()) {
            KeyGrantees access = !k.customerManaged() ? KeyGrantees.NOT_APPLICABLE
                    : evaluation.keyAccess(k).map(KeyGrantees::of).orElse(new KeyGrantees("unknown", List.of(), 0));
            rows.add(new Row(k.displayName(), k.accountId(), k.region(), k.manager().name(), k.state(),
                    evaluation.storesProtectedBy(k).size(), evaluation.highestLevelProtectedBy(k).orElse(null), k.deletionDate(), k.arn(),
                    access));
        }
        return rows;
    }

    /** The keys of a stored run, with the stores that named them then (the key's own count spans every account). */
    private List<Row> fromHistory(ClassificationPolicy classification) {
        try (HistoryStore store = db.openExisting()) {
            ScanRun chosen = runOption.storedRun(store);
            List<StoredResource> resources = store.queries().resourcesAt(chosen.id());
            Map<String, Level> highest = new HashMap<>();
            for (StoredResource r : resources) {
                String key = r.attributes().get("key");
                Level level = classification.level(r.attributes().getOrDefault("classification", "")).orElse(null);
                if (key != null && level != null) {
                    highest.merge(key, level, (a, b) -> classification.rank(a) >= classification.rank(b) ? a : b);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (StoredResource r : resources) {
                if (!"AwsKmsKey".equals(r.resourceType())) {
                    continue;
                }
                Map<String, String> a = r.attributes();
                String aliases = a.getOrDefault("aliases", "");
                String name = aliases.isEmpty() ? r.arn().substring(r.arn().lastIndexOf('/') + 1) : aliases.split(",")[0];
                Instant deletion = a.get("deletionDate") == null || a.get("deletionDate").equals("null") ? null : Instant.parse(a.get("deletionDate"));
                rows.add(new Row(name, r.accountId(), r.region(), a.getOrDefault("manager", "UNKNOWN"), state(a.get("state")),
                        Integer.parseInt(a.getOrDefault("stores", "0")), highest.get(r.arn()), deletion, r.arn(),
                        KeyGrantees.of(a, r.accountId())));
            }
            return rows;
        }
    }

    private static KeyState state(String name) {
        try {
            return name == null ? KeyState.UNKNOWN : KeyState.valueOf(name);
        } catch (IllegalArgumentException e) {
            return KeyState.UNKNOWN;
        }
    }
}
