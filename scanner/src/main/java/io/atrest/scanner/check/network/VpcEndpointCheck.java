package io.atrest.scanner.check.network;

import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.ResourceRef;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.check.VerdictFindings;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.Vpc;
import io.atrest.scanner.inventory.VpcEndpoint;
import java.util.List;
import java.util.Optional;

/** "Every VPC has an endpoint for a service", judged per VPC. */
abstract class VpcEndpointCheck implements Check {

    /** The last part of the endpoint service name: "s3", "dynamodb", "kms". */
    protected abstract String service();

    /** NOT_APPLICABLE reasons for VPCs this check does not judge, or null. */
    protected Verdict skip(Vpc vpc, Evaluation evaluation) {
        return null;
    }

    @Override
    public final List<Finding> evaluate(Evaluation evaluation) {
        return evaluation.inventory().vpcs().stream()
                .map(vpc -> VerdictFindings.of(info(), new ResourceRef(ResourceType.AwsEc2Vpc, vpc.arn(),
                        vpc.tags().getOrDefault("Name", vpc.vpcId()), vpc.accountId(), vpc.region()), null, judge(vpc, evaluation)))
                .toList();
    }

    private Verdict judge(Vpc vpc, Evaluation evaluation) {
        Verdict skip = skip(vpc, evaluation);
        if (skip != null) {
            return skip;
        }
        Optional<CollectionError> listing = evaluation.failure(vpc.accountId(), vpc.region(), "ec2", "DescribeVpcEndpoints");
        if (listing.isPresent()) {
            return Verdict.notEvaluated(listing.get());
        }
        List<VpcEndpoint> endpoints = evaluation.inventory().vpcEndpoints().stream()
                .filter(e -> vpc.vpcId().equals(e.vpcId()) && service().equals(e.service()))
                .filter(e -> e.state() == null || !List.of("deleted", "deleting", "failed", "rejected").contains(e.state().toLowerCase()))
                .toList();
        return endpoints.isEmpty()
                ? Verdict.fail("no " + service() + " endpoint in " + vpc.vpcId())
                : Verdict.pass(service() + " endpoint " + endpoints.get(0).endpointId() + " (" + endpoints.get(0).type() + ")")
                        .with("endpoints", endpoints.stream().map(VpcEndpoint::endpointId).toList());
    }
}
