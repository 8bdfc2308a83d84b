package io.atrest.scanner.check.kms;

import io.atrest.scanner.access.KeyAccess;
import io.atrest.scanner.access.KeyAccessor;
import io.atrest.scanner.access.KeyCapability;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.policy.KeyAccessRules;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Separation of duties on the effective access: whoever can rewrite a sensitive key's policy or
 * schedule its deletion cannot also decrypt with it, through the key policy or through IAM.
 * kms-policy-separation-of-duties reads the key policy alone; this one sees the administrators
 * IAM lets in (AdministratorAccess, kms:* on "*") where the key delegates to its account.
 */
public final class KmsAdminCanDecrypt extends KeyAccessCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-admin-can-decrypt")
            .title("No one who can administer or delete a sensitive KMS key can also decrypt with it")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.HIGH)
            .passesWhen("For keys whose data's level sets separateKeyAdministration, no user, role, other account or \"*\" that can "
                    + "call kms:PutKeyPolicy or kms:ScheduleKeyDeletion on the key can also decrypt with it (kms:Decrypt, "
                    + "kms:ReEncryptFrom, or kms:CreateGrant for itself), outright or on a condition, counted on the key policy joined "
                    + "with the account's identity policies, permissions boundaries, explicit denies, grants and SCPs. The account's "
                    + "root user is left out: no policy of the account binds it. Not evaluated when the account's IAM walk or the "
                    + "key's grants could not be read.")
            .rationale("A principal that can change the key policy can give itself any use of the key; if it can also decrypt, one "
                    + "stolen credential reads the data and rewrites the record of who may. Splitting the duties takes two.")
            .remediation("Give key administration and key use to different roles: remove kms:Decrypt (and kms:* or \"*\" on \"*\") "
                            + "from the administrators' identity policies, or deny it to them in the key policy.",
                    "aws iam put-role-policy --role-name <admin-role> --policy-name deny-decrypt --policy-document file://deny-decrypt.json")
            .build();

    public KmsAdminCanDecrypt() {
        super(KeyAccessRules::separateAdministration);
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judgeAccess(KeyAccess access, Level level, Evaluation evaluation) {
        Set<String> decryptors = new LinkedHashSet<>();
        access.with(KeyCapability.DECRYPT).stream().filter(KeyAccessor::counted).forEach(a -> decryptors.add(a.principal()));
        Set<String> administrators = new LinkedHashSet<>();
        for (KeyCapability duty : List.of(KeyCapability.ADMINISTER, KeyCapability.DELETE)) {
            access.with(duty).stream().filter(KeyAccessor::counted).forEach(a -> administrators.add(a.principal()));
        }
        List<String> both = administrators.stream().filter(decryptors::contains).toList();
        if (both.isEmpty()) {
            return Verdict.pass(administrators.size() + " principal(s) can administer or delete the key and none of them can decrypt")
                    .with("administrators", List.copyOf(administrators));
        }
        List<String> evidence = access.accessors().stream().filter(a -> both.contains(a.principal()))
                .map(a -> a.capability().label() + ": " + a.describe() + " via " + String.join(", ", a.via())).toList();
        return Verdict.fail(both.size() + " principal(s) can both administer or delete the key and decrypt with it")
                .with("principals", both).with("access", evidence);
    }
}
