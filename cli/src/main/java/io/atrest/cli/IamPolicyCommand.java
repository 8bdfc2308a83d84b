package io.atrest.cli;

import io.atrest.scanner.aws.IamPolicy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "iam-policy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the read-only IAM policy the scanning role needs, generated from the read-only guard's allowlist.")
final class IamPolicyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--cloudformation",
            description = "Print a CloudFormation template (for a StackSet) creating the role with an ExternalId condition.")
    boolean cloudFormation;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(cloudFormation ? IamPolicy.cloudFormation() : IamPolicy.json());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
