package io.atrest.scanner.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/** One fictional AWS account: what the fakes answer from. Mutable, for building test scenes. */
public final class FakeAccount {
    public final String id;
    public final Map<String, Bucket> buckets = new LinkedHashMap<>();
    public final List<Key> keys = new ArrayList<>();
    public final List<String> enabledRegions = new ArrayList<>(List.of("us-east-1", "eu-west-1"));
    /** Null: no account-level Block Public Access configuration. */
    public Boolean[] accountBlock;

    public final Map<String, FakeRegion> regions = new java.util.concurrent.ConcurrentHashMap<>();
    /** The account's IAM: what GetAccountAuthorizationDetails and ListAccessKeys answer. */
    public final Iam iam = new Iam(this);

    public FakeAccount(String id) {
        this.id = id;
    }

    /** What the account holds in {@code region} beyond S3 and KMS. */
    public FakeRegion in(String region) {
        return regions.computeIfAbsent(region, r -> new FakeRegion());
    }

    public Bucket bucket(String name, String region) {
        Bucket bucket = new Bucket(name, region);
        buckets.put(name, bucket);
        return bucket;
    }

    public Key key(String region, String keyId) {
        Key key = new Key(region, keyId, "arn:aws:kms:" + region + ":" + id + ":key/" + keyId);
        keys.add(key);
        return key;
    }

    /** A bucket as S3 would describe it. Null fields mean "not configured". */
    public static final class Bucket {
        public final String name;
        public final String region;
        public final Instant created = Instant.parse("2024-01-01T00:00:00Z");
        /** "AES256", "aws:kms", "aws:kms:dsse" or null for no default encryption. */
        public String sseAlgorithm = "AES256";
        public String kmsKeyId;
        public boolean bucketKey;
        /** "Enabled", "Suspended" or null for never enabled. */
        public String versioning;
        public boolean mfaDelete;
        public Boolean[] block;
        public String policy;
        public Map<String, String> tags;
        /** Whether ListBuckets reports BucketRegion (newer S3) or GetBucketLocation is needed. */
        public boolean listedWithRegion = true;
        public boolean publicAcl;

        Bucket(String name, String region) {
            this.name = name;
            this.region = region;
        }

        public Bucket kms(String keyId) {
            this.sseAlgorithm = "aws:kms";
            this.kmsKeyId = keyId;
            return this;
        }

        public Bucket tags(Map<String, String> tags) {
            this.tags = tags;
            return this;
        }

        public Bucket versioning(String status) {
            this.versioning = status;
            return this;
        }

        public Bucket blockAll() {
            this.block = new Boolean[] {true, true, true, true};
            return this;
        }
    }

    /** A KMS key. */
    public static final class Key {
        public final String region;
        public final String keyId;
        public final String arn;
        public String manager = "CUSTOMER";
        public String state = "Enabled";
        public String origin = "AWS_KMS";
        public String keySpec = "SYMMETRIC_DEFAULT";
        public boolean rotation;
        public Instant deletionDate;
        public final List<String> aliases = new ArrayList<>();
        public final Map<String, String> tags = new LinkedHashMap<>();
        public String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        public final List<Grant> grants = new ArrayList<>();

        Key(String region, String keyId, String arn) {
            this.region = region;
            this.keyId = keyId;
            this.arn = arn;
        }

        public Key alias(String alias) {
            aliases.add(alias);
            return this;
        }

        /** A grant to {@code grantee} of {@code operations} ("Decrypt", ...). */
        public Key grant(String grantee, boolean constrained, String... operations) {
            grants.add(new Grant("grant-" + (grants.size() + 1), grantee, List.of(operations), constrained));
            return this;
        }

        public Key awsManaged() {
            manager = "AWS";
            return this;
        }

        KeyMetadata metadata(String accountId) {
            return KeyMetadata.builder()
                    .keyId(keyId).arn(arn).awsAccountId(accountId)
                    .keyManager(manager).keyState(state).origin(origin).keySpec(keySpec)
                    .keyUsage("ENCRYPT_DECRYPT").deletionDate(deletionDate).creationDate(Instant.parse("2024-01-01T00:00:00Z"))
                    .build();
        }
    }

    /** A grant on a key, as ListGrants lists it. */
    public record Grant(String grantId, String grantee, List<String> operations, boolean constrained) {}

    /** The IAM of an account: users, roles, groups and managed policies. */
    public static final class Iam {
        private final FakeAccount account;
        public final List<Principal> users = new ArrayList<>();
        public final List<Principal> roles = new ArrayList<>();
        public final List<Principal> groups = new ArrayList<>();
        /** Managed policies by ARN, each with its (default version's) document. */
        public final Map<String, String> policies = new LinkedHashMap<>();

        Iam(FakeAccount account) {
            this.account = account;
        }

        public Principal user(String name) {
            Principal user = new Principal(name, "arn:aws:iam::" + account.id + ":user/" + name);
            users.add(user);
            return user;
        }

        public Principal role(String name) {
            Principal role = new Principal(name, "arn:aws:iam::" + account.id + ":role/" + name);
            roles.add(role);
            return role;
        }

        public Principal group(String name) {
            Principal group = new Principal(name, "arn:aws:iam::" + account.id + ":group/" + name);
            groups.add(group);
            return group;
        }

        /** A customer-managed policy; its ARN. */
        public String policy(String name, String document) {
            String arn = "arn:aws:iam::" + account.id + ":policy/" + name;
            policies.put(arn, document);
            return arn;
        }

        /** An AWS-managed policy; its ARN. */
        public String awsPolicy(String name, String document) {
            String arn = "arn:aws:iam::aws:policy/" + name;
            policies.put(arn, document);
            return arn;
        }
    }

    /** A user, role or group and its policies. */
    public static final class Principal {
        public final String name;
        public final String arn;
        public final Map<String, String> inline = new LinkedHashMap<>();
        public final List<String> attached = new ArrayList<>();
        public final List<String> groups = new ArrayList<>();
        public final List<String> accessKeyStatuses = new ArrayList<>();
        public String boundary;

        Principal(String name, String arn) {
            this.name = name;
            this.arn = arn;
        }

        public Principal inline(String policyName, String document) {
            inline.put(policyName, document);
            return this;
        }

        public Principal attach(String policyArn) {
            attached.add(policyArn);
            return this;
        }

        public Principal inGroup(String group) {
            groups.add(group);
            return this;
        }

        public Principal boundary(String policyArn) {
            boundary = policyArn;
            return this;
        }

        public Principal accessKey(String status) {
            accessKeyStatuses.add(status);
            return this;
        }
    }
}
