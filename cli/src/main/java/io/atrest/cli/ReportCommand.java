package io.atrest.cli;

import io.atrest.report.ReportDocument;
import io.atrest.report.ReportFormat;
import io.atrest.report.account.AccountReportQuery;
import io.atrest.report.management.ManagementReportQuery;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.Weights;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the management report (trends, accounts, remediation, keys at risk, coverage) or one "
                + "account's open findings, as PDF or one self-contained HTML file, from the stored history.",
                "The file is created readable by its owner only; its path is printed on stdout."})
final class ReportCommand implements Callable<Integer> {
    enum Type { management, account }

    enum Format { pdf, html }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    PolicyOption policy;

    @Option(names = "--type", defaultValue = "management", description = "management or account (default: ${DEFAULT-VALUE}).")
    Type type;

    @Option(names = "--account", paramLabel = "ID", description = "The account of an account report.")
    String account;

    @Option(names = {"--output", "--format"}, description = "pdf or html (default: from --out's extension, else pdf); --format is the older name.")
    Format format;

    @Option(names = "--since", defaultValue = "90d", paramLabel = "AGE",
            description = "How far back the management report's trends go (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write (default: atrest-data/reports/<type>[-<account>]-<date>.<format>).")
    Path out;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Duration window = Age.parse("--since", since);
        if (type == Type.account && (account == null || !account.matches("\\d{12}"))) {
            throw new UserError(account == null ? "--type account needs --account ID (12 digits)"
                    : "--account: '" + account + "' is not a 12-digit AWS account id");
        }
        if (type == Type.management && account != null) {
            throw new UserError("--account is for --type account; the management report covers every account");
        }
        ReportFormat reportFormat = format != null ? ReportFormat.valueOf(format.name().toUpperCase(java.util.Locale.ROOT))
                : out != null && ReportFiles.formatOf(out) != null ? ReportFiles.formatOf(out) : ReportFormat.PDF;
        io.atrest.scanner.policy.ClassificationPolicy classification = policy.load();
        Weights weights = Weights.of(classification.weights());
        Instant now = clock.instant();
        Path target = out != null ? out : defaultPath(reportFormat, now);
        ReportDocument document;
        try (HistoryStore store = db.openExisting()) {
            document = type == Type.management
                    ? ReportDocument.of(new ManagementReportQuery(store, CheckCatalog.standard(), weights,
                            ManagementReportQuery.restrictedLevels(classification)).read(now, window))
                    : ReportDocument.of(new AccountReportQuery(store, CheckCatalog.standard()).read(account, now));
        }
        ReportFiles.write(document, reportFormat, target);
        spec.commandLine().getOut().println(target);
        return ExitCode.OK;
    }

    private Path defaultPath(ReportFormat reportFormat, Instant now) {
        String name = type.name() + (account == null ? "" : "-" + account) + "-" + LocalDate.ofInstant(now, ZoneOffset.UTC)
                + "." + reportFormat.extension();
        return Path.of(Defaults.DATA_FOLDER, "reports", name);
    }
}
