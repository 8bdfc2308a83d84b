package io.atrest.cli;

import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.PolicyFile;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** --policy FILE, shared by the commands that evaluate. */
final class PolicyOption {
    @Option(names = "--policy", paramLabel = "FILE",
            description = "Classification policy (YAML); default: the built-in one that 'atrest policy init' writes.")
    Path file;

    ClassificationPolicy load() {
        return file == null ? ClassificationPolicy.defaults() : PolicyFile.load(file, checkIds());
    }

    static Set<String> checkIds() {
        return CheckCatalog.standard().checks().stream().map(Check::info).map(i -> i.id()).collect(Collectors.toSet());
    }
}
