package io.atrest.scanner.check.rds;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.StoreCheck;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.RdsInstance;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** DB instances are not publicly accessible. The flag is always in the listing, so never NOT_EVALUATED; never NOT_APPLICABLE. */
public final class RdsNotPubliclyAccessible extends StoreCheck<RdsInstance> {

    public static final CheckInfo INFO = CheckInfo.builder("rds-not-publicly-accessible")
            .title("RDS instances are not publicly accessible")
            .resourceType(ResourceType.AwsRdsDbInstance)
            .severity(Severity.HIGH)
            .passesWhen("PubliclyAccessible is false.")
            .rationale("A publicly accessible instance has a public address: its data is one leaked password or one unpatched "
                    + "engine flaw away from the internet.")
            .remediation("RDS console > Databases > the instance > Modify > Connectivity > Public access: Not publicly accessible.",
                    "aws rds modify-db-instance --db-instance-identifier <db> --no-publicly-accessible --apply-immediately")
            .mappedTo("FSBP RDS.2", "Config rds-instance-public-access-check", "Prowler rds_instance_no_public_access")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<RdsInstance> stores(Inventory inventory) {
        return inventory.rdsInstances();
    }

    @Override
    protected Verdict judge(RdsInstance instance, Observed<Classification> classification, Evaluation evaluation) {
        return instance.publiclyAccessible()
                ? Verdict.fail("publicly accessible").with("publiclyAccessible", true)
                : Verdict.pass("not publicly accessible").with("publiclyAccessible", false);
    }
}
