package io.atrest.scanner.check;

import java.util.Objects;

/**
 * A kind of resource, named as Security Hub's ASFF names it where ASFF has a name for it
 * ("AwsS3Bucket"), so exports need no mapping; the kinds ASFF lacks are named in its style and
 * exported as ASFF's "Other" (their descriptor says so). A value, not an enum: a new kind of
 * store declares its own in its folder.
 */
public record ResourceType(String name) {
    public static final ResourceType AwsS3Bucket = new ResourceType("AwsS3Bucket");
    public static final ResourceType AwsKmsKey = new ResourceType("AwsKmsKey");
    public static final ResourceType AwsEc2Volume = new ResourceType("AwsEc2Volume");
    public static final ResourceType AwsEc2Snapshot = new ResourceType("AwsEc2Snapshot");
    public static final ResourceType AwsEc2Vpc = new ResourceType("AwsEc2Vpc");
    public static final ResourceType AwsRdsDbInstance = new ResourceType("AwsRdsDbInstance");
    public static final ResourceType AwsRdsDbCluster = new ResourceType("AwsRdsDbCluster");
    public static final ResourceType AwsRdsDbSnapshot = new ResourceType("AwsRdsDbSnapshot");
    public static final ResourceType AwsRdsDbClusterSnapshot = new ResourceType("AwsRdsDbClusterSnapshot");
    public static final ResourceType AwsDynamoDbTable = new ResourceType("AwsDynamoDbTable");
    public static final ResourceType AwsEfsFileSystem = new ResourceType("AwsEfsFileSystem");
    public static final ResourceType AwsCloudTrailTrail = new ResourceType("AwsCloudTrailTrail");
    /** An identity policy: a managed policy by its ARN, an inline one by its owner's ARN and its name. */
    public static final ResourceType AwsIamPolicy = new ResourceType("AwsIamPolicy");
    /** An account, or one region of it for regional settings (EBS defaults, AWS Config). */
    public static final ResourceType AwsAccount = new ResourceType("AwsAccount");
    /** Any kind of data store: for checks that judge them all (the reference names this). */
    public static final ResourceType DataStore = new ResourceType("DataStore");

    public ResourceType {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Z][A-Za-z0-9]+")) {
            throw new IllegalArgumentException("resource type names are written as ASFF writes them (AwsS3Bucket): " + name);
        }
    }

    /** The type a stored or collected name stands for. */
    public static ResourceType valueOf(String name) {
        return new ResourceType(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
