package io.atrest.cli;

import io.atrest.report.Table;
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
                + "it protects and the most sensitive data among them, keys at risk (pending deletion or disabled while in use) first.")
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

    /** One key as the table shows it, from a saved inventory or a stored run. */
    private record Row(String name, String accountId, String region, String manager, KeyState state, int stores, Level highest,
                       Instant deletionDate, String arn) {
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
        ClassificationPolicy classification = policy.load();
        Instant now = Instant.now();
        List<Row> rows = inventoryFile != null ? fromInventory(InventoryDocument.read(inventoryFile), classification, now)
                : fromHistory(classification);
        rows = rows.stream()
                .filter(r -> all || (r.customerManaged() && r.stores() > 0) || r.atRisk())
                .sorted(Comparator.comparing((Row r) -> !r.atRisk())
                        .thenComparing(r -> r.highest() == null ? -1 : -classification.rank(r.highest()))
                        .thenComparing(r -> -r.stores())
                        .thenComparing(Row::arn))
                .toList();
        Table table = new Table("key", "account", "region", "manager", "state", "stores", "highest_level", "at_risk", "days_left", "arn");
        for (Row r : rows) {
            Long days = r.deletionDate() == null ? null : Math.max(0, Duration.between(now, r.deletionDate()).toDays());
            table.row(r.name(), r.accountId(), r.region(), r.manager(), r.state(), r.stores(),
                    r.highest() == null ? null : r.highest().name(), r.atRisk() ? "yes" : "no", days, r.arn());
        }
        spec.commandLine().getOut().print(table.render(output.format));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private static List<Row> fromInventory(Inventory inventory, ClassificationPolicy classification, Instant now) {
        Evaluation evaluation = new Evaluation(inventory, classification, now);
        List<Row> rows = new ArrayList<>();
        for (KmsKey k : inventory.keys()) {
            rows.add(new Row(k.displayName(), k.accountId(), k.region(), k.manager().name(), k.state(),
                    evaluation.storesProtectedBy(k).size(), evaluation.highestLevelProtectedBy(k).orElse(null), k.deletionDate(), k.arn()));
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
                        Integer.parseInt(a.getOrDefault("stores", "0")), highest.get(r.arn()), deletion, r.arn()));
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
