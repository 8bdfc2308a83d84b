package io.atrest.scanner.access;

import io.atrest.scanner.iam.KeyPolicyAnalysis;
import io.atrest.scanner.iam.KmsActions;
import io.atrest.scanner.iam.Statement;

/**
 * A statement of an identity policy, boundary or SCP that concerns KMS, with the KMS actions it
 * covers (wildcards and NotAction expanded once) and a label for evidence.
 */
record PolicyStatement(String label, Statement statement, KmsActions actions) {

    static PolicyStatement of(String policyLabel, Statement statement) {
        return new PolicyStatement(policyLabel + " " + statement.label(), statement, KeyPolicyAnalysis.actionsOf(statement));
    }

    boolean covers(String action) {
        return actions.contains(action);
    }
}
