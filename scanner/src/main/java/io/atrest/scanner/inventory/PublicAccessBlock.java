package io.atrest.scanner.inventory;

/** The four S3 Block Public Access settings, at bucket or account level. */
public record PublicAccessBlock(
        boolean blockPublicAcls,
        boolean ignorePublicAcls,
        boolean blockPublicPolicy,
        boolean restrictPublicBuckets) {

    /** What AWS means when no configuration exists. */
    public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);

    public static final PublicAccessBlock ALL = new PublicAccessBlock(true, true, true, true);

    public boolean allOn() {
        return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
    }

    /** S3 applies the most restrictive of bucket and account settings, flag by flag. */
    public PublicAccessBlock or(PublicAccessBlock other) {
        return new PublicAccessBlock(
                blockPublicAcls || other.blockPublicAcls,
                ignorePublicAcls || other.ignorePublicAcls,
                blockPublicPolicy || other.blockPublicPolicy,
                restrictPublicBuckets || other.restrictPublicBuckets);
    }

    /** Names of the settings that are off, for evidence. */
    public java.util.List<String> missing() {
        var off = new java.util.ArrayList<String>();
        if (!blockPublicAcls) off.add("BlockPublicAcls");
        if (!ignorePublicAcls) off.add("IgnorePublicAcls");
        if (!blockPublicPolicy) off.add("BlockPublicPolicy");
        if (!restrictPublicBuckets) off.add("RestrictPublicBuckets");
        return off;
    }
}
