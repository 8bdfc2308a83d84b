package io.atrest.cli;

import io.atrest.report.Table;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.ScanRun;
import io.atrest.sql.errors.StoredError;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "errors", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Every AWS call a run could not make (after its retries): account, region, service, operation, "
                + "reason, error code, resource and AWS's message.")
final class ErrorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    OutputOption output;

    @Mixin
    RunOption runOption;

    @Override
    public Integer call() {
        try (HistoryStore store = db.openExisting()) {
            ScanRun run = runOption.anyRun(store);
            List<StoredError> errors = store.runErrors().of(run.id());
            Table table = new Table("account", "region", "service", "operation", "reason", "error", "resource", "denied_by", "message");
            for (StoredError e : errors) {
                table.row(e.accountId(), e.region(), e.service(), e.operation(), e.reason(), e.errorCode(), e.resource(),
                        e.deniedBy(), e.message());
            }
            spec.commandLine().getOut().print(table.render(output.format));
            spec.commandLine().getOut().flush();
            if (output.format == Table.Format.table) {
                spec.commandLine().getErr().printf("run %d (%s): %d failed call(s)%n", run.id(), run.status(), errors.size());
            }
            return ExitCode.OK;
        }
    }
}
