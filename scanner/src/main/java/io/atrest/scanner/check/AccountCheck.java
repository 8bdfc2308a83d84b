package io.atrest.scanner.check;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.CollectionError;
import java.util.List;
import java.util.Optional;

/** A check judged once per scanned account. An account that could not be entered is NOT_EVALUATED. */
public abstract class AccountCheck implements Check {

    protected abstract Verdict judge(Account account, Evaluation evaluation);

    @Override
    public final List<Finding> evaluate(Evaluation evaluation) {
        return evaluation.inventory().accounts().stream()
                .map(account -> {
                    Optional<CollectionError> entry = evaluation.entryFailure(account.id());
                    Verdict verdict = entry.isPresent() ? Verdict.notEvaluated(entry.get()) : judge(account, evaluation);
                    return Findings.of(info(), refOf(account), null, verdict);
                })
                .toList();
    }

    static ResourceRef refOf(Account account) {
        return new ResourceRef(ResourceType.AwsAccount, "AWS::::Account:" + account.id(),
                account.name() == null ? account.id() : account.name(), account.id(), null);
    }
}
