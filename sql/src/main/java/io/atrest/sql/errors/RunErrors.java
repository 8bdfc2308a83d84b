package io.atrest.sql.errors;

import io.atrest.scanner.inventory.CollectionError;
import java.util.List;
import io.atrest.sql.Sql;
import io.atrest.sql.WriterLock;
import org.jdbi.v3.core.Jdbi;

/** The calls each run could not make: written as the run stores its accounts, read by {@code atrest errors}. */
public final class RunErrors {
    private final Jdbi jdbi;
    private final WriterLock lock;

    public RunErrors(Jdbi jdbi, WriterLock lock) {
        this.jdbi = jdbi;
        this.lock = lock;
    }

    /** Adds failed calls to run {@code runId}. */
    public void record(long runId, List<CollectionError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<StoredError> rows = errors.stream().map(StoredError::of).toList();
        Sql.run(() -> jdbi.useExtension(CollectionErrorDao.class, dao -> dao.insert(runId, rows)));
        lock.wrote();
    }

    /** Every failed call of the run, by account, region, service and operation. */
    public List<StoredError> of(long runId) {
        return Sql.call(() -> jdbi.withExtension(CollectionErrorDao.class, dao -> dao.ofRun(runId)));
    }

    /** The run's failed calls grouped by account, region, service, operation and error code, largest first. */
    public List<ErrorGroup> groups(long runId) {
        return Sql.call(() -> jdbi.withExtension(CollectionErrorDao.class, dao -> dao.groups(runId)));
    }
}
