package io.atrest.scanner.check;

import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.CollectionError;
import java.util.List;
import java.util.Optional;

/** A check judged once per scanned account and region (regional settings: EBS defaults, AWS Config). */
public abstract class AccountRegionCheck implements Check {

    protected abstract Verdict judge(AccountRegion scope, Evaluation evaluation);

    @Override
    public final List<Finding> evaluate(Evaluation evaluation) {
        return evaluation.inventory().scope().stream()
                .map(scope -> {
                    Optional<CollectionError> entry = evaluation.entryFailure(scope.accountId());
                    Verdict verdict = entry.isPresent() ? Verdict.notEvaluated(entry.get()) : judge(scope, evaluation);
                    String name = evaluation.account(scope.accountId()).map(a -> a.name() == null ? a.id() : a.name())
                            .orElse(scope.accountId()) + " / " + scope.region();
                    return Findings.of(info(), new ResourceRef(ResourceType.AwsAccount,
                            "AWS::::Account:" + scope.accountId() + "/" + scope.region(), name, scope.accountId(), scope.region()),
                            null, verdict);
                })
                .toList();
    }
}
