package io.atrest.scanner.check.enforcement;

import io.atrest.scanner.check.AccountCheck;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.PolicyParseException;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ServiceControlPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "An SCP that applies to the account denies X", for each {@link ScpDenial}: SCPs attach to the
 * root, OUs on the account's path, or the account itself. Not applicable without an organization.
 */
public final class ScpCheck extends AccountCheck {
    private final ScpDenial denial;

    public ScpCheck(ScpDenial denial) {
        this.denial = denial;
    }

    @Override
    public CheckInfo info() {
        return denial.info();
    }

    /** Whether one statement is the denial this check looks for: a Deny for everyone, of every action, when the request does not encrypt. */
    private boolean denies(Statement s) {
        return appliesToAll(s) && denial.actions().stream().allMatch(s::coversAction)
                && (denial.unencryptedKey() == null ? s.conditions().isEmpty() : whenFalse(s, denial.unencryptedKey()));
    }

    private String what() {
        return denial.what();
    }

    @Override
    protected Verdict judge(Account account, Evaluation evaluation) {
        if (evaluation.inventory().organization() == null || evaluation.inventory().organization().isStandalone()) {
            return Verdict.notApplicable("no AWS Organization, so no service control policies");
        }
        if (account.id().equals(evaluation.inventory().organization().managementAccountId())) {
            // AWS Organizations: SCPs never restrict users or roles of the management account, so
            // no SCP can make this pass; its guard rails are IAM policies and permission boundaries.
            return Verdict.notApplicable("service control policies do not apply to the management account")
                    .with("managementAccount", account.id());
        }
        Optional<CollectionError> listing = organizationsError(evaluation, e -> e.operation().startsWith("ListPolicies"));
        if (listing.isPresent()) {
            return Verdict.notEvaluated(listing.get());
        }
        // Which SCPs bind the account follows from its parents: unknown when the walk could not read them.
        Optional<CollectionError> walk = organizationsError(evaluation, e -> e.operation().equals("DescribeOrganization")
                || e.operation().equals("ListAccounts") || e.operation().equals("ListParents") && account.id().equals(e.accountId()));
        if (walk.isPresent()) {
            return Verdict.notEvaluated(walk.get());
        }
        Set<String> path = new HashSet<>(account.parentIds());
        path.add(account.id());
        for (ServiceControlPolicy scp : evaluation.inventory().serviceControlPolicies()) {
            if (scp.targetIds().stream().noneMatch(path::contains)) {
                continue;
            }
            try {
                for (Statement s : PolicyDocument.parse(scp.document()).statements()) {
                    if (!s.allow() && denies(s) && covers(s, account.id(), partition(account.id(), evaluation))) {
                        return Verdict.pass("SCP " + scp.name() + " denies " + what()).with("scp", scp.id());
                    }
                }
            } catch (PolicyParseException e) {
                return Verdict.notEvaluated(io.atrest.scanner.inventory.ErrorReason.API_ERROR, "organizations:DescribePolicy",
                        "SCP " + scp.name() + " could not be analysed: " + e.getMessage());
            }
        }
        Optional<CollectionError> described = organizationsError(evaluation,
                e -> e.operation().equals("DescribePolicy") || e.operation().equals("ListTargetsForPolicy"));
        if (described.isPresent()) {
            return Verdict.notEvaluated(described.get());
        }
        return Verdict.fail("no SCP on the account's path denies " + what()).with("path", List.copyOf(account.parentIds()));
    }

    /** The first failed Organizations call that {@code which} picks, if any. */
    private static Optional<CollectionError> organizationsError(Evaluation evaluation, java.util.function.Predicate<CollectionError> which) {
        return evaluation.inventory().errors().stream().filter(e -> "organizations".equals(e.service()) && which.test(e)).findFirst();
    }

    /**
     * Whether the Deny's Resource covers what the denied call creates in the account, in its
     * partition ({@code arn:aws-us-gov:ec2:...:volume/...}); a call that creates nothing is covered.
     */
    private boolean covers(Statement s, String accountId, String partition) {
        return denial.createdResources(partition, accountId).stream()
                .allMatch(arn -> io.atrest.scanner.iam.ResourceScope.exactly(arn).gap(s).isEmpty());
    }

    /** The account's partition (aws, aws-us-gov, aws-cn), from a region it was scanned in: ARNs in SCPs are written in it. */
    private static String partition(String accountId, Evaluation evaluation) {
        return evaluation.inventory().scope().stream().filter(r -> r.accountId().equals(accountId)).findFirst()
                .map(r -> io.atrest.scanner.inventory.Partition.ofRegion(r.region())).orElse("aws");
    }

    /** SCPs have no Principal: a Deny applies to every principal of the account. */
    private static boolean appliesToAll(Statement s) {
        return !s.notResource() || s.resources().stream().noneMatch("*"::equals);
    }

    /**
     * Whether a Deny rejects the request whose {@code key} is "false" (the request does not
     * encrypt), its conditions evaluated as IAM does ({@link io.atrest.scanner.iam.Denials#applies}).
     */
    private static boolean whenFalse(Statement s, String key) {
        return io.atrest.scanner.iam.Denials.applies(s, io.atrest.scanner.iam.RequestContext.empty().with(key, "false"));
    }
}
