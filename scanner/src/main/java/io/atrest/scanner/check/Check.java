package io.atrest.scanner.check;

import java.util.List;

/** One rule of the catalog. Pure: it reads the evaluation and never calls AWS. */
public interface Check {

    CheckInfo info();

    List<Finding> evaluate(Evaluation evaluation);
}
