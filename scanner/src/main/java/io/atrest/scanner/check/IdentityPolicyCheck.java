package io.atrest.scanner.check;

import io.atrest.scanner.access.IdentityIndex;
import io.atrest.scanner.access.IdentityPolicy;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.CollectionError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A check judged once per identity policy of each scanned account. An account whose identity
 * policies could not be read (its IAM walk failed, or it could not be entered) is one
 * NOT_EVALUATED finding on the account: its policies are unknown, so none can pass.
 */
public abstract class IdentityPolicyCheck implements Check {

    /**
     * How the policies of one account are judged: facts about the account are worked out once,
     * then each policy is judged; empty for a policy with nothing to judge.
     */
    protected abstract Function<IdentityPolicy, Optional<Verdict>> judgeAccount(String accountId, Evaluation evaluation);

    @Override
    public final List<Finding> evaluate(Evaluation evaluation) {
        List<Finding> findings = new ArrayList<>();
        for (Account account : evaluation.inventory().accounts()) {
            Optional<CollectionError> entry = evaluation.entryFailure(account.id());
            Optional<IdentityIndex> index = evaluation.identities(account.id());
            if (entry.isPresent() || index.isEmpty()) {
                CollectionError gap = entry.orElseGet(() -> evaluation.identitiesGap(account.id()));
                findings.add(Findings.of(info(), AccountCheck.refOf(account), null, Verdict.notEvaluated(gap)));
                continue;
            }
            Function<IdentityPolicy, Optional<Verdict>> judge = judgeAccount(account.id(), evaluation);
            for (IdentityPolicy policy : index.get().policies()) {
                judge.apply(policy).ifPresent(v -> findings.add(Findings.of(info(),
                        new ResourceRef(ResourceType.AwsIamPolicy, policy.id(), policy.name(), account.id(), null), null, v)));
            }
        }
        return findings;
    }
}
