package io.atrest.scanner.check;

/**
 * A check's answer for one resource. NOT_EVALUATED is never a pass: it is coverage lost.
 * SUPPRESSED is a failure the policy accepts (an exemption, until its date): out of the score as
 * NOT_APPLICABLE is, but never mistaken for a check that does not apply.
 */
public enum Outcome {
    PASS,
    FAIL,
    NOT_APPLICABLE,
    NOT_EVALUATED,
    SUPPRESSED
}
