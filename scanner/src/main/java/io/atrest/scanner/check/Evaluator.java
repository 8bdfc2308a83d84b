package io.atrest.scanner.check;

import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.Exemption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inventory × policy → findings. Pure: the same inputs give the same findings. Exemptions
 * apply last: an active one turns a failure into NOT_APPLICABLE, saying why and until when; an
 * expired one leaves the failure standing and says it expired.
 */
public final class Evaluator {
    private final CheckCatalog catalog;
    private final ClassificationPolicy policy;

    public Evaluator(CheckCatalog catalog, ClassificationPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    public List<Finding> evaluate(Inventory inventory, Instant now) {
        return evaluate(new Evaluation(inventory, policy, now));
    }

    /** Evaluates with indexes the caller already built (and may reuse, e.g. for resource attributes). */
    public List<Finding> evaluate(Evaluation evaluation) {
        Inventory inventory = evaluation.inventory();
        Instant now = evaluation.now();
        List<Finding> findings = new ArrayList<>();
        for (Check check : catalog.checks()) {
            findings.addAll(check.evaluate(evaluation));
        }
        return policy.exemptions().isEmpty() ? findings : exempt(findings, inventory, now);
    }

    private List<Finding> exempt(List<Finding> findings, Inventory inventory, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, Map<String, String>> tags = new HashMap<>();
        for (DataStore store : inventory.dataStores()) {
            if (store.storeTags().isPresent()) {
                tags.put(store.arn(), store.storeTags().value());
            }
        }
        for (KmsKey key : inventory.keys()) {
            if (key.tags().isPresent()) {
                tags.put(key.arn(), key.tags().value());
            }
        }
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Exemption exemption = f.outcome() != Outcome.FAIL ? null : policy.exemptions().stream()
                    .filter(e -> e.covers(f.checkId(), f.resource().arn(), tags.get(f.resource().arn())))
                    .min((a, b) -> Boolean.compare(a.expiredOn(today), b.expiredOn(today)))
                    .orElse(null);
            if (exemption == null) {
                result.add(f);
                continue;
            }
            Map<String, String> evidence = new LinkedHashMap<>(f.evidence());
            if (exemption.expiredOn(today)) {
                evidence.put("exemptionExpired", exemption.describe());
                result.add(new Finding(f.checkId(), f.severity(), Outcome.FAIL, null, null, f.resource(), f.classification(),
                        f.message() + " (exemption expired " + exemption.expires() + ")", evidence));
            } else {
                evidence.put("exemption", exemption.describe());
                evidence.put("failure", f.message());
                evidence.put("acceptedUntil", exemption.expires().toString());
                result.add(new Finding(f.checkId(), f.severity(), Outcome.SUPPRESSED, null, null, f.resource(),
                        f.classification(), "accepted until " + exemption.expires() + ": " + exemption.reason(), evidence));
            }
        }
        return result;
    }
}
