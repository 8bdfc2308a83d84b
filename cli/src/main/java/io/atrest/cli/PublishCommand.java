package io.atrest.cli;

import io.atrest.report.export.ExportContext;
import io.atrest.report.export.ExportFilter;
import io.atrest.report.export.FindingExport;
import io.atrest.report.export.FindingStatus;
import io.atrest.scanner.aws.ClientFactory;
import io.atrest.scanner.org.AssumeRoleAccess;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;

@Command(name = "publish", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Send a stored run's findings somewhere else. The only command that writes to AWS.",
        subcommands = {PublishCommand.SecurityHub.class})
final class PublishCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "securityhub", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Import a stored run's findings into AWS Security Hub (BatchImportFindings), each from the account it belongs "
                    + "to (entered with --role-name / --external-id as a scan enters it) and in its region, in batches of 100. The "
                    + "role needs securityhub:BatchImportFindings ('atrest iam-policy --publish'); the scanning role stays read-only. "
                    + "Exits 0 only when Security Hub accepted every finding.")
    static final class SecurityHub implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Mixin
        RunOption runOption;

        @Mixin
        FindingFilterOptions filters;

        @Mixin
        AwsConnectionOptions aws;

        @Override
        public Integer call() throws IOException {
            aws.validate();
            try (HistoryStore store = db.openExisting()) {
                ScanRun run = runOption.storedRun(store);
                ExportFilter filter = filters.filter(store);
                ExportContext context = ExportContext.of(store, run, VersionProvider.version());
                try (ClientFactory factory = new ClientFactory(aws.awsSettings());
                     StsClient sts = factory.sts(factory.baseCredentials())) {
                    String caller = caller(sts);
                    AssumeRoleAccess access;
                    try {
                        access = new AssumeRoleAccess(factory, sts, caller, aws.roleName, aws.externalId);
                    } catch (IllegalArgumentException e) {
                        throw new UserError("--role-name: " + e.getMessage());
                    }
                    try (SecurityHubSender sender = new SecurityHubSender(factory, access)) {
                        Map<FindingStatus, Long> taken = FindingExport.export(store, context, filter, FindingExport.asffBatches(context, sender));
                        return report(run, sender, taken);
                    }
                }
            }
        }

        private static String caller(StsClient sts) {
            try {
                return sts.getCallerIdentity().account();
            } catch (SdkException e) {
                throw new UserError("cannot identify the caller: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }

        /** One line per account that had a refusal, then one line of counts; exit 0 only when every finding was accepted. */
        private int report(ScanRun run, SecurityHubSender sender, Map<FindingStatus, Long> taken) {
            PrintWriter out = spec.commandLine().getOut();
            long sent = 0;
            long accepted = 0;
            long failed = 0;
            for (Map.Entry<String, SecurityHubSender.AccountTally> e : sender.tallies().entrySet()) {
                SecurityHubSender.AccountTally t = e.getValue();
                sent += t.sent;
                accepted += t.accepted;
                failed += t.failed;
                if (t.failed > 0) {
                    out.printf("%s: %d of %d finding(s) refused: %s%n", e.getKey(), t.failed, t.sent, String.join("; ", t.errors));
                }
            }
            long notApplicable = taken.getOrDefault(FindingStatus.NOT_APPLICABLE, 0L);
            out.printf("Run %d to Security Hub: %d finding(s) sent from %d account(s), %d accepted, %d refused%s%n", run.id(), sent,
                    sender.tallies().size(), accepted, failed, notApplicable > 0 ? " (" + notApplicable + " not applicable left out)" : "");
            out.flush();
            if (failed == 0 && accepted == sent) {
                return ExitCode.OK;
            }
            return accepted == 0 ? ExitCode.SCAN_FAILED : ExitCode.PARTIAL;
        }
    }
}
