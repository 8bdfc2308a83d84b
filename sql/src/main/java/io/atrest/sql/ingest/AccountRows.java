package io.atrest.sql.ingest;

import io.atrest.scanner.inventory.Account;
import io.atrest.sql.Sql;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** An account's own rows: its latest names, and a new state interval when its name, email, OU or tags changed. */
final class AccountRows {
    private AccountRows() {}

    static void store(AccountDao dao, long runId, Account account, Long previousRun) {
        String tags = Sql.json(new TreeMap<>(account.tags()));
        if (previousRun == null) {
            dao.insertAccount(account.id(), account.name(), account.email(), account.ouPathText(), tags, runId);
        } else {
            dao.updateAccount(account.id(), account.name(), account.email(), account.ouPathText(), tags, runId);
        }
        Optional<AccountDao.StateRow> state = dao.currentAccountState(account.id());
        boolean same = state.isPresent() && Objects.equals(state.get().name(), account.name())
                && Objects.equals(state.get().email(), account.email())
                && state.get().ouPath().equals(account.ouPathText()) && state.get().tags().equals(tags);
        if (!same) {
            state.ifPresent(s -> dao.closeAccountState(s.id(), previousRun == null ? runId : previousRun));
            dao.insertAccountState(account.id(), account.name(), account.email(), account.ouPathText(), tags, runId);
        }
    }
}
