package io.atrest.scanner.aws;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The least-privilege IAM policy for atrest's scanning role, generated from the same allowlist
 * the read-only guard enforces. sts:AssumeRole belongs to the caller, not the member role, so
 * it is left out here.
 */
public final class IamPolicy {
    private IamPolicy() {}

    public static List<String> scanningActions() {
        return ReadOnlyAllowlist.operations().stream()
                .map(ReadOperation::iamAction)
                .filter(action -> !action.equals("sts:AssumeRole"))
                .collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    public static String json() {
        String actions = scanningActions().stream().map(a -> "        \"" + a + "\"").collect(Collectors.joining(",\n"));
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "AtrestReadOnly",
                      "Effect": "Allow",
                      "Action": [
                %s
                      ],
                      "Resource": "*"
                    }
                  ]
                }
                """.formatted(actions);
    }
}
