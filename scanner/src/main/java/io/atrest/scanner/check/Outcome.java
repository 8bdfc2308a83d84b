package io.atrest.scanner.check;

/** A check's answer for one resource. NOT_EVALUATED is never a pass: it is coverage lost. */
public enum Outcome {
    PASS,
    FAIL,
    NOT_APPLICABLE,
    NOT_EVALUATED
}
