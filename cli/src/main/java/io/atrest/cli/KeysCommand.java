package io.atrest.cli;

import io.atrest.report.Table;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The blast radius of each KMS key in a saved inventory: the stores it protects and the most "
                + "sensitive data among them, keys at risk (pending deletion or disabled while in use) first.")
final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Mixin
    PolicyOption policy;

    @Option(names = "--inventory", paramLabel = "FILE", description = "A saved inventory; default: the demo organization.")
    Path inventoryFile;

    @Option(names = "--all", description = "Include AWS-managed keys and keys that protect nothing.")
    boolean all;

    @Override
    public Integer call() {
        ClassificationPolicy classification = policy.load();
        Inventory inventory = inventoryFile == null ? DemoCommand.demoInventory() : InventoryDocument.read(inventoryFile);
        Instant now = Instant.now();
        Evaluation evaluation = new Evaluation(inventory, classification, now);
        record Row(KmsKey key, List<DataStore> stores, Level highest, boolean atRisk) {}
        List<Row> rows = inventory.keys().stream()
                .map(k -> {
                    List<DataStore> stores = evaluation.storesProtectedBy(k);
                    boolean atRisk = !stores.isEmpty() && (k.state().pendingDeletion() || k.state() == io.atrest.scanner.inventory.KeyState.DISABLED);
                    return new Row(k, stores, evaluation.highestLevelProtectedBy(k).orElse(null), atRisk);
                })
                .filter(r -> all || (r.key().customerManaged() && !r.stores().isEmpty()) || r.atRisk())
                .sorted(Comparator.comparing((Row r) -> !r.atRisk())
                        .thenComparing(r -> r.highest() == null ? -1 : -classification.rank(r.highest()))
                        .thenComparing(r -> -r.stores().size())
                        .thenComparing(r -> r.key().arn()))
                .toList();
        Table table = new Table("key", "account", "region", "manager", "state", "stores", "highest_level", "at_risk", "days_left", "arn");
        for (Row r : rows) {
            String days = r.key().deletionDate() == null ? null
                    : Long.toString(Math.max(0, Duration.between(now, r.key().deletionDate()).toDays()));
            table.row(r.key().displayName(), r.key().accountId(), r.key().region(), r.key().manager(), r.key().state(),
                    r.stores().size(), r.highest() == null ? null : r.highest().name(), r.atRisk() ? "yes" : "no", days, r.key().arn());
        }
        spec.commandLine().getOut().print(table.render(output.format));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
