package io.atrest.scanner.check.monitoring;

import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.ResourceRef;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.check.VerdictFindings;
import io.atrest.scanner.inventory.Trail;
import java.util.List;

/**
 * A check judged once per trail, in the account that owns it: an organization trail seen from
 * member accounts is judged once, where it lives.
 */
abstract class TrailCheck implements Check {

    protected abstract Verdict judge(Trail trail, Evaluation evaluation);

    @Override
    public final List<Finding> evaluate(Evaluation evaluation) {
        return evaluation.inventory().trails().stream()
                .filter(TrailCheck::owned)
                .map(t -> VerdictFindings.of(info(), new ResourceRef(ResourceType.AwsCloudTrailTrail, t.arn(), t.name(),
                        t.accountId(), t.homeRegion()), null, judge(t, evaluation)))
                .toList();
    }

    /** Whether the trail belongs to the account it was seen in (its ARN names the owner). */
    static boolean owned(Trail trail) {
        String[] arn = trail.arn().split(":", 6);
        return arn.length == 6 && arn[4].equals(trail.accountId());
    }
}
