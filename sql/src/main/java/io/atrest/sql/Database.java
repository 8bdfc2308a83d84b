package io.atrest.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A connection to the history database: an H2 file (embedded, the default) or PostgreSQL.
 * For H2 one connection stays open for the store's life, which keeps the database open and
 * holds H2's file lock, so a second process is refused instead of racing.
 */
final class Database implements AutoCloseable, WriterLock {
    private final String url;
    private final DataSource dataSource;
    /** Null while a scan has let go of the H2 file for its collection ({@link #letGo}). */
    private Connection keeper;
    /** Bytes of the H2 file when this session opened it (-1 when there is none): the session's writes grow it from there. */
    private final long bytesAtOpen;

    private Database(String url, DataSource dataSource, Connection keeper) {
        this.url = url;
        this.dataSource = dataSource;
        this.keeper = keeper;
        this.bytesAtOpen = fileBytes(url);
    }

    static Database connect(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new HistoryException("no database URL given");
        }
        DataSource dataSource;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            createFolder(jdbcUrl);
            JdbcDataSource h2 = new JdbcDataSource();
            // H2's default page cache (64 MB) thrashes on a year of history; a nightly run reads
            // each account's current rows once, so a larger cache saves most disk reads.
            String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
            String url = upper.contains(";CACHE_SIZE=") ? jdbcUrl : jdbcUrl + ";CACHE_SIZE=262144";
            // atrest closes the database itself; H2's own shutdown hook would close it under a
            // scan that SIGTERM lets finish its accounts and close its run.
            url = upper.contains(";DB_CLOSE_ON_EXIT=") ? url : url + ";DB_CLOSE_ON_EXIT=FALSE";
            // H2 writes refused and failed opens to NAME.trace.db beside the database, readable by
            // anyone the folder lets in and holding stack traces; atrest reports errors itself.
            url = upper.contains(";TRACE_LEVEL_FILE=") ? url : url + ";TRACE_LEVEL_FILE=0";
            h2.setURL(url);
            dataSource = h2;
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            try {
                pg.setURL(jdbcUrl);
            } catch (IllegalArgumentException e) {
                throw new HistoryException("malformed PostgreSQL URL " + redact(jdbcUrl) + ": " + e.getMessage(), e);
            }
            dataSource = pg;
        } else {
            throw new HistoryException("unsupported database URL " + redact(jdbcUrl)
                    + ": use jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DB");
        }
        try {
            Connection keeper = dataSource.getConnection();
            ownerOnly(jdbcUrl);
            return new Database(jdbcUrl, dataSource, keeper);
        } catch (SQLException e) {
            throw new HistoryException(explain(jdbcUrl, e), e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** In-JVM writer locks of H2 files, by URL; across processes H2's own file lock decides. */
    private static final java.util.Set<String> H2_WRITERS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The PostgreSQL advisory lock key every atrest writer takes: "atrest" in ASCII. */
    private static final long PG_WRITER_KEY = 0x617472657374L;

    private boolean holdsWriterLock;

    @Override
    public synchronized boolean tryLock() {
        if (holdsWriterLock) {
            return true;
        }
        if (isH2()) {
            holdsWriterLock = H2_WRITERS.add(url);
            if (holdsWriterLock && !lockWriterFile()) {
                H2_WRITERS.remove(url);
                holdsWriterLock = false;
            }
        } else {
            try (var statement = keeper.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, PG_WRITER_KEY);
                try (var result = statement.executeQuery()) {
                    holdsWriterLock = result.next() && result.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new HistoryException("cannot take the writer lock: " + e.getMessage(), e);
            }
        }
        return holdsWriterLock;
    }

    @Override
    public boolean acquire(java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!tryLock()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * The lock on NAME.writer.lock beside an H2 file: one writing process at a time, also while a
     * scan has let go of the file itself ({@link #letGo}).
     */
    private java.nio.channels.FileChannel writerFile;
    private java.nio.channels.FileLock writerFileLock;

    private boolean lockWriterFile() {
        Path file = h2File(url);
        if (file == null) {
            return true; // in memory: this JVM's guard is the only one needed
        }
        Path lock = Path.of(file + ".writer.lock");
        try {
            writerFile = java.nio.channels.FileChannel.open(lock, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(lock, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            writerFileLock = writerFile.tryLock();
            if (writerFileLock == null) {
                closeWriterFile();
                return false;
            }
            return true;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            closeWriterFile();
            return false;
        } catch (java.io.IOException e) {
            closeWriterFile();
            throw new HistoryException("cannot take the writer lock " + lock + ": " + e.getMessage(), e);
        }
    }

    private void unlockWriterFile() {
        try {
            if (writerFileLock != null) {
                writerFileLock.release();
            }
        } catch (java.io.IOException ignored) {
            // closing the channel releases it too
        }
        writerFileLock = null;
        closeWriterFile();
    }

    private void closeWriterFile() {
        if (writerFile != null) {
            try {
                writerFile.close();
            } catch (java.io.IOException ignored) {
                // nothing held
            }
            writerFile = null;
        }
    }

    /**
     * Lets go of an H2 file while keeping the writer lock, so that other processes can read the
     * history while this one collects (hours, with nothing to write); {@link #takeBack} before
     * writing again. Nothing for PostgreSQL, which serves every process at once.
     */
    synchronized void letGo() {
        if (!isH2() || h2File(url) == null || keeper == null || !holdsWriterLock) {
            return;
        }
        try {
            keeper.close();
        } catch (SQLException ignored) {
            // closing: nothing written is left uncommitted
        }
        keeper = null;
    }

    /** Opens the H2 file again after {@link #letGo}, waiting up to {@code wait} for a reader to finish with it. */
    synchronized void takeBack(java.time.Duration wait) {
        if (keeper != null) {
            return;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                keeper = dataSource.getConnection();
                return;
            } catch (SQLException e) {
                if (e.getErrorCode() != 90020 || System.nanoTime() > deadline) { // 90020: another process has it open
                    throw new HistoryException(explain(url, e), e);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HistoryException("interrupted while waiting to write to " + redact(url), e);
            }
        }
    }

    @Override
    public synchronized void release() {
        if (!holdsWriterLock) {
            return;
        }
        holdsWriterLock = false;
        if (isH2()) {
            unlockWriterFile();
            H2_WRITERS.remove(url);
        } else {
            try (var statement = keeper.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                statement.setLong(1, PG_WRITER_KEY);
                statement.executeQuery().close();
            } catch (SQLException ignored) {
                // the lock goes with the connection anyway
            }
        }
    }

    String url() {
        return url;
    }

    private boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    private boolean wrote;

    /**
     * Percent of live data under which the H2 file is compacted when a session that wrote to it
     * closes, now or, judging by this session's writes, after the next one like it. At 75% (now
     * only) a year of a 50,000-resource organization ended nights at 1,020 MB; at 80% (now only)
     * the night after a compaction reached 1,155-1,191 MB before its close.
     */
    static final int COMPACT_BELOW_FILL_RATE = 80;

    /**
     * Whether to compact an H2 file of {@code fileBytes}, {@code fillRate} percent of it live, that
     * this session grew by {@code grownBytes}: when less than {@link #COMPACT_BELOW_FILL_RATE} of it
     * is live, or would be once another session writes as much. H2 appends what a night changes and
     * frees space only once whole chunks are dead, so a night's writes land past the end of the
     * file (about 200 MB for the benchmark's 10,000 changed findings): compacting ahead of them keeps
     * the file, even while a night writes, within 1.25 times its live data.
     */
    static boolean compactionDue(int fillRate, long fileBytes, long grownBytes) {
        if (fillRate < COMPACT_BELOW_FILL_RATE) {
            return true;
        }
        double live = fileBytes * (fillRate / 100.0);
        return live < (fileBytes + Math.max(0, grownBytes)) * (COMPACT_BELOW_FILL_RATE / 100.0);
    }

    /** Bytes of an H2 database file, or -1 for a server, an in-memory database or a file not there. */
    private static long fileBytes(String jdbcUrl) {
        Path file = h2File(jdbcUrl);
        try {
            return file == null ? -1 : Files.size(Path.of(file + ".mv.db"));
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** How much of the H2 file's chunks is live data, in percent (100 when H2 does not say). */
    private static int chunksFillRate(java.sql.Statement statement) {
        try (var rows = statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            return rows.next() ? Integer.parseInt(rows.getString(1).trim()) : 100;
        } catch (SQLException | NumberFormatException e) {
            return 100;
        }
    }

    @Override
    public void wrote() {
        wrote = true;
    }

    /**
     * Closes the database. An H2 file that this session wrote to is compacted first: H2 appends
     * changes and reclaims space lazily, so without it a year of nightly runs leaves the file
     * several times larger than its data.
     */
    @Override
    public void close() {
        try {
            if (wrote && isH2() && !url.contains(":mem:") && keeper != null) {
                try (var statement = keeper.createStatement()) {
                    // Rewriting the file costs time in proportion to its size (12-17 s for a year of
                    // history): not while it holds enough live data for another night's writes.
                    long bytes = fileBytes(url);
                    if (compactionDue(chunksFillRate(statement), bytes, bytesAtOpen < 0 || bytes < 0 ? 0 : bytes - bytesAtOpen)) {
                        statement.execute("SHUTDOWN COMPACT");
                    }
                }
            }
        } catch (SQLException e) {
            // compaction is housekeeping: the data is already committed
        } finally {
            release();
            try {
                if (keeper != null) {
                    keeper.close();
                }
            } catch (SQLException ignored) {
                // closing: nothing left to protect
            }
        }
    }

    /** A URL fit for messages: without a password parameter. */
    static String redact(String jdbcUrl) {
        return jdbcUrl == null ? null : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The H2 file holds an organization's weak spots: readable by its owner only, whatever the umask. */
    private static void ownerOnly(String jdbcUrl) {
        Path file = h2File(jdbcUrl);
        if (file == null || !java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path data = Path.of(file + ".mv.db");
        try {
            if (Files.exists(data)) {
                Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // a file owned by someone else keeps its mode; H2 could open it, so it is readable to us anyway
        }
    }

    /**
     * Refuses, in one line, a database that holds no history yet, before anything is created: an
     * in-memory H2 URL, or an H2 file that does not exist. What reads history never makes one.
     *
     * @param hint the likely fix, appended after the reason (may be null)
     */
    static void requireExisting(String jdbcUrl, String hint) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            return; // PostgreSQL: checked once connected (no atrest tables: no history)
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:")) {
            throw new HistoryException("no history in " + redact(jdbcUrl) + ": an in-memory database starts empty; "
                    + "give the file a scan wrote (--db jdbc:h2:file:PATH)" + (hint == null ? "" : "; " + hint));
        }
        Path file = h2File(jdbcUrl);
        if (file != null && !Files.exists(Path.of(file + ".mv.db"))) {
            throw new HistoryException("no atrest history at " + file + ".mv.db (no such file)" + (hint == null ? "" : "; " + hint));
        }
    }

    /** The path of an H2 file database without its extension, or null for in-memory and server URLs. */
    private static Path h2File(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
            return null;
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        return Path.of(path.replaceFirst("^~", System.getProperty("user.home"))).toAbsolutePath().normalize();
    }

    private static void createFolder(String jdbcUrl) {
        // jdbc:h2:file:./atrest-data/atrest;OPTIONS or jdbc:h2:./path
        Path file = h2File(jdbcUrl);
        Path parent = file == null ? null : file.getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            // The history describes an organization's weak spots: its folder is its owner's alone.
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(parent, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason().toLowerCase(java.util.Locale.ROOT)
                    : e instanceof java.nio.file.NoSuchFileException ? "its parent cannot hold it"
                    : String.valueOf(e.getMessage());
            throw new HistoryException("cannot create the data folder " + parent + ": " + why, e);
        }
    }

    private static String explain(String jdbcUrl, SQLException e) {
        String url = redact(jdbcUrl);
        String first = String.valueOf(e.getMessage()).split("\n", 2)[0];
        if (e.getErrorCode() == 90020) { // H2 DATABASE_ALREADY_OPEN
            return "database " + url + " is in use by another atrest process; wait for it to finish";
        }
        if ("08001".equals(e.getSQLState()) || "08004".equals(e.getSQLState())) {
            return "cannot connect to database " + url + ": " + first;
        }
        return "cannot open database " + url + ": " + first;
    }
}
