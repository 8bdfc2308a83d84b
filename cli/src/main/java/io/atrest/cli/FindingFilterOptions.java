package io.atrest.cli;

import io.atrest.report.export.ExportFilter;
import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.HistoryStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** --status, --severity, --account, --check: which findings export and publish take. */
final class FindingFilterOptions {
    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "fail, pass, not-evaluated, suppressed or not-applicable; repeat or comma-separate for several "
                    + "(default: all but not-applicable).")
    List<String> statuses;

    @Option(names = "--severity", paramLabel = "SEVERITY", description = "Only findings of this severity and above.")
    String severity;

    @Option(names = "--account", paramLabel = "ID", description = "Only this account.")
    String account;

    @Option(names = "--check", paramLabel = "ID", description = "Only this check.")
    String check;

    /** The filter, its values checked: an unknown status, severity, account or check is an error, never an empty export. */
    ExportFilter filter(HistoryStore store) {
        Set<String> groups = statuses == null || statuses.isEmpty() ? ExportFilter.DEFAULT_STATUSES : new LinkedHashSet<>(statuses);
        for (String s : groups) {
            if (!ExportFilter.GROUPS.contains(s)) {
                throw new UserError("--status: '" + s + "' is not fail, pass, not-evaluated, suppressed or not-applicable");
            }
        }
        Severity atLeast;
        try {
            atLeast = severity == null ? null : Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw new UserError("--severity: " + e.getMessage());
        }
        String accountId = account;
        String checkId = check;
        if (account != null || check != null) {
            io.atrest.sql.KnownValues known = store.queries().knownValues();
            Set<String> checks = new TreeSet<>(known.checks());
            CheckCatalog.standard().checks().forEach(c -> checks.add(c.info().id()));
            accountId = KnownFilter.require("--account", account, "an account", known.accounts());
            checkId = KnownFilter.require("--check", check, "a check", checks);
        }
        return new ExportFilter(groups, atLeast, accountId, checkId);
    }
}
