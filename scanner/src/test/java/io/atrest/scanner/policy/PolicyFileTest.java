package io.atrest.scanner.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyFileTest {
    private static final Set<String> CHECKS = Set.of("s3-versioning", "kms-rotation");

    @Test
    void theDefaultPolicyIsTheCommentedFileAndReadsBackTheSame() {
        ClassificationPolicy defaults = ClassificationPolicy.defaults();
        assertThat(defaults.levels()).extracting(Level::name).containsExactly("public", "internal", "confidential", "restricted");
        assertThat(defaults.level("restricted").orElseThrow().minimumKeyTier()).isEqualTo(KeyTier.KMS_CUSTOMER_MANAGED);
        assertThat(defaults.level("restricted").orElseThrow().requireDedicatedKey()).isTrue();
        assertThat(defaults.level("public").orElseThrow().requireBlockPublicAccess()).isFalse();
        assertThat(defaults.levels()).filteredOn(Level::allowPublicAccess).extracting(Level::name).containsExactly("public");
        assertThat(defaults.levels()).filteredOn(Level::requireKmsEndpoint).extracting(Level::name).containsExactly("confidential", "restricted");
        assertThat(defaults.level("restricted").orElseThrow().keyAccess()).isEqualTo(new KeyAccessRules(true, 10, true, true));
        assertThat(defaults.level("confidential").orElseThrow().keyAccess()).isEqualTo(new KeyAccessRules(true, null, false, false));
        assertThat(defaults.level("internal").orElseThrow().keyAccess()).isEqualTo(KeyAccessRules.NONE);
        assertThat(defaults.untaggedLevel()).isEqualTo("internal");
        assertThat(defaults.weights()).containsEntry(Severity.CRITICAL, 10).containsEntry(Severity.INFO, 0);
        assertThat(PolicyFile.defaultYaml()).contains("# atrest classification policy");
        assertThat(PolicyFile.parse(PolicyFile.defaultYaml(), "x", CHECKS)).isEqualTo(defaults);
    }

    @Test
    void readsOuLevelsWeightsAndExemptions() {
        ClassificationPolicy policy = PolicyFile.parse("""
                version: 1
                classification:
                  tagKeys: [data-class, DataClassification]
                  untagged: secret
                  inheritFromAccount: false
                  ouLevels: {Sandbox: open}
                levels:
                  - {name: open, minimumKeyTier: none, keyTierSeverity: low, blockPublicAccess: false}
                  - name: secret
                    minimumKeyTier: KMS_CUSTOMER_MANAGED
                    vpcEndpointOnly: true
                    allowedNetworks: [vpce-0123456789abcdef0]
                weights: {high: 8}
                exemptions:
                  - arn: "arn:aws:s3:::legacy-*"
                    checks: [s3-versioning]
                    reason: archive
                    expires: 2027-03-31
                  - tag: {key: atrest-exempt}
                    reason: lab
                    expires: 2026-01-01
                """, "p.yaml", CHECKS);
        assertThat(policy.tagKeys()).containsExactly("data-class", "DataClassification");
        assertThat(policy.weights()).containsEntry(Severity.HIGH, 8).containsEntry(Severity.CRITICAL, 10);
        assertThat(policy.level("secret").orElseThrow().allowedNetworks()).containsExactly("vpce-0123456789abcdef0");
        assertThat(policy.classify(Map.of(), Map.of(), List.of("Workloads", "Sandbox")).level().name()).isEqualTo("open");
        assertThat(policy.classify(Map.of(), Map.of(), List.of("Workloads")).level().name()).isEqualTo("secret");
        Exemption archive = policy.exemptions().get(0);
        assertThat(archive.covers("s3-versioning", "arn:aws:s3:::legacy-2019", Map.of())).isTrue();
        assertThat(archive.covers("kms-rotation", "arn:aws:s3:::legacy-2019", Map.of())).isFalse();
        assertThat(archive.covers("s3-versioning", "arn:aws:s3:::current", Map.of())).isFalse();
        Exemption lab = policy.exemptions().get(1);
        assertThat(lab.covers("kms-rotation", "arn:x", Map.of("ATREST-EXEMPT", "yes"))).isTrue();
        assertThat(lab.expiredOn(LocalDate.parse("2026-11-27"))).isTrue();
    }

    @Test
    void everyErrorNamesItsLineAndColumn() {
        assertThatThrownBy(() -> PolicyFile.parse("""
                version: 1
                classification:
                  tagKeys: [DataClassification]
                  untagged: secret
                  inheritFromAcount: true
                levels:
                  - name: internal
                    minimumKeyTier: KMS_SUPER
                    versioning: yes please
                    publicAccess: sometimes
                    maxDecryptPrincipals: many
                  - name: internal
                    maxDecryptPrincipals: -1
                weights: {urgent: 3}
                exemptions:
                  - arn: "arn:aws:s3:::x"
                    checks: [s3-versoning]
                    expires: someday
                """, "bad.yaml", CHECKS))
                .isInstanceOfSatisfying(PolicyFileException.class, e -> {
                    assertThat(e.getMessage()).startsWith("bad.yaml: line ");
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).startsWith("line 4, column 13: untagged names level 'secret'"));
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).startsWith("line 5, column 3: unknown key 'inheritFromAcount'"));
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).startsWith("line 8, column 21: 'KMS_SUPER' is not one of"));
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).contains("versioning must be true or false"));
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).startsWith("line 12, column 11: level 'internal' is named twice"));
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).contains("maxDecryptPrincipals must be a whole number from 0 to 100000, not 'many'"));
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).contains("maxDecryptPrincipals must be a whole number from 0 to 100000, not '-1'"));
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).contains("publicAccess is 'allowed' or 'denied', not \"sometimes\""));
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).contains("unknown severity 'urgent'"));
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).contains("unknown check 's3-versoning'"));
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).contains("an exemption needs a reason"));
                    assertThat(e.errors()).anySatisfy(m -> assertThat(m).contains("'someday' is not a date"));
                });
    }

    @Test
    void brokenYamlAndWrongShapesAreClearErrors() {
        assertThatThrownBy(() -> PolicyFile.parse("version: 1\nlevels: [\n  - name", "broken.yaml", CHECKS))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("not valid YAML").hasMessageContaining("line ");
        assertThatThrownBy(() -> PolicyFile.parse("- just\n- a list\n", "list.yaml", CHECKS))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("a policy is a YAML mapping");
        assertThatThrownBy(() -> PolicyFile.parse("version: 2\nclassification: {tagKeys: [a], untagged: x}\nlevels: [{name: x}]\n", "v.yaml", CHECKS))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("version must be 1");
        assertThatThrownBy(() -> PolicyFile.load(java.nio.file.Path.of("/nonexistent/policy.yaml"), CHECKS))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("cannot read");
    }
}
