package io.atrest.cli;

import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.PolicyFile;
import io.atrest.scanner.policy.PolicyFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write or check a classification policy file.",
        subcommands = {PolicyCommand.Init.class, PolicyCommand.Validate.class})
final class PolicyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Write the commented default policy to FILE (or stdout), to edit.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
        Path file;

        @Option(names = "--force", description = "Overwrite FILE if it exists.")
        boolean force;

        @Override
        public Integer call() {
            String yaml = PolicyFile.defaultYaml();
            if (file == null) {
                spec.commandLine().getOut().print(yaml);
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            }
            if (Files.exists(file) && !force) {
                throw new UserError(file + " exists; pass --force to overwrite it");
            }
            try {
                Files.writeString(file, yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("cannot write " + file + ": " + e.getMessage());
            }
            spec.commandLine().getErr().println("wrote " + file);
            return ExitCode.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Check a policy file; every error is printed with its line and column.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                ClassificationPolicy policy = PolicyFile.load(file, PolicyOption.checkIds());
                long expired = policy.exemptions().stream().filter(e -> e.expiredOn(LocalDate.now())).count();
                out.printf("%s: ok, %d level(s) %s, %d exemption(s)%s%n", file, policy.levels().size(),
                        policy.levels().stream().map(l -> l.name()).toList(), policy.exemptions().size(),
                        expired == 0 ? "" : ", " + expired + " expired (no longer applied)");
                out.flush();
                return ExitCode.OK;
            } catch (PolicyFileException e) {
                PrintWriter err = spec.commandLine().getErr();
                e.errors().forEach(line -> err.println(file + ": " + line));
                err.flush();
                return ExitCode.USAGE;
            }
        }
    }
}
