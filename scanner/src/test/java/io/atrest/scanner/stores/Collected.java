package io.atrest.scanner.stores;

import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.policy.ClassificationPolicy;
import java.util.List;
import java.util.Map;

/**
 * What one kind's collector gathered from a fake account in {@link Scene#REGION}, as the
 * scan would hand it over, ready to evaluate: the kind tests' common ground.
 */
public record Collected(Inventory inventory, CallLog log) {

    /** Runs the kind's collector against {@code account} with pages of {@code pageSize}. */
    public static Collected by(StoreKind<?> kind, FakeAccount account, CallLog log, int pageSize) {
        return by(kind, account, log, pageSize, List.of());
    }

    /** The same, with KMS keys the stores may name (as the KMS collector would have found them). */
    public static Collected by(StoreKind<?> kind, FakeAccount account, CallLog log, int pageSize, List<KmsKey> keys) {
        InventoryBuilder sink = new InventoryBuilder();
        keys.forEach(sink::key);
        sink.account(new Account(account.id, "prod", "p@example.com", "ACTIVE", List.of(), Map.of()));
        sink.scope(new AccountRegion(account.id, Scene.REGION));
        kind.collector().collect(account.id, Scene.REGION, new FakeAccountClients(account, log, pageSize), sink);
        return new Collected(sink.build(Scene.NOW, new Organization("o-test", account.id)), log);
    }

    /** The outcome {@code check} gives the store named {@code name}. */
    public Outcome outcome(Check check, String name) {
        List<Finding> findings = check.evaluate(new Evaluation(inventory, ClassificationPolicy.defaults(), Scene.NOW)).stream()
                .filter(f -> f.resource().name().equals(name)).toList();
        if (findings.size() != 1) {
            throw new AssertionError(findings.size() + " findings of " + check.info().id() + " for " + name);
        }
        return findings.get(0).outcome();
    }

    /** The gaps the inventory leaves in the account: "AwsSqsQueue@eu-west-1". */
    public java.util.Set<String> gaps() {
        return ListingGaps.of(inventory, inventory.accounts().get(0).id());
    }
}
