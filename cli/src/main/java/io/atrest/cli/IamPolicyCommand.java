package io.atrest.cli;

import io.atrest.scanner.aws.IamPolicy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "iam-policy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the read-only IAM policy the scanning role needs, generated from the read-only guard's allowlist; "
                + "--publish prints the one extra permission 'atrest publish securityhub' needs, kept apart.")
final class IamPolicyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--cloudformation",
            description = "Print a CloudFormation template (for a StackSet) creating the role with an ExternalId condition.")
    boolean cloudFormation;

    @picocli.CommandLine.Option(names = "--publish",
            description = "Print the policy for publishing findings to Security Hub (securityhub:BatchImportFindings) instead.")
    boolean publish;

    @Override
    public Integer call() {
        if (publish && cloudFormation) {
            throw new UserError("--publish prints a policy of its own; the CloudFormation template is the scanning role's");
        }
        spec.commandLine().getOut().print(publish ? IamPolicy.publishJson() : cloudFormation ? IamPolicy.cloudFormation() : IamPolicy.json());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
