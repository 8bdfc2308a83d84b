package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.atrest.scanner.fake.StubAws;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * No secret leaves the process: a scan with credentials in the environment, a member role's
 * session credentials, then every file atrest writes (database, saved inventory, reports,
 * exports) and everything it prints or logs (at DEBUG) are searched for them.
 */
class CredentialsLeakTest {
    private static final String ACCESS_KEY = "AKIALEAKCHECK7Q2W3E";
    private static final String SECRET_KEY = "MGMTSECRETmustNotLeak55aaXq9";
    private static final String SESSION_TOKEN = "MGMTSESSIONmustNotLeak0b1dZz";
    private static final String MEMBER_SECRET = "MEMBERSECRETmustNotLeak91c2";
    private static final String MEMBER_TOKEN = "MEMBERTOKENmustNotLeakFQoGZX";

    @TempDir
    Path dir;
    private StubAws stub;

    @AfterEach
    void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.sessionToken");
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void noCredentialOrSessionTokenIsWrittenPrintedOrLogged() throws Exception {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.setProperty("aws.sessionToken", SESSION_TOKEN);
        stub = new StubAws(request -> {
            var response = ScanOverTheWireTest.answer(request);
            return new StubAws.Response(response.status(), response.contentType(), response.body()
                    .replace("<SecretAccessKey>s</SecretAccessKey>", "<SecretAccessKey>" + MEMBER_SECRET + "</SecretAccessKey>")
                    .replace("<SessionToken>t</SessionToken>", "<SessionToken>" + MEMBER_TOKEN + "</SessionToken>"));
        });
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger atrest = (Logger) LoggerFactory.getLogger("io.atrest");
        Level before = atrest.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        atrest.setLevel(Level.DEBUG);
        StringBuilder printed = new StringBuilder();
        String db = "jdbc:h2:file:" + dir.resolve("data").resolve("atrest");
        try {
            run(printed, "scan", "--endpoint-url", stub.endpoint().toString(), "--home-region", "us-east-1", "--role-name", "AtrestScanner",
                    "--regions", "us-east-1,eu-west-1", "--db", db, "--save-inventory", dir.resolve("inventory.json.gz").toString(),
                    "--allow-partial");
            run(printed, "report", "--db", db, "--format", "html", "--out", dir.resolve("report.html").toString());
            run(printed, "report", "--db", db, "--type", "account", "--account", "222222222222", "--out", dir.resolve("account.pdf").toString());
            run(printed, "export", "--db", db, "--format", "asff", "--out", dir.resolve("asff").toString());
            run(printed, "findings", "--db", db, "--output", "json");
        } finally {
            root.detachAppender(logs);
            atrest.setLevel(before);
        }
        assertThat(stub.requests()).as("the member role was assumed").anySatisfy(r -> assertThat(r.body()).contains("Action=AssumeRole"));

        StringBuilder everything = new StringBuilder(printed);
        logs.list.forEach(e -> everything.append(e.getFormattedMessage()).append('\n')
                .append(e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("atrest.mv.db", "inventory.json.gz", "report.html", "account.pdf", "findings-0001.json");
        for (Path file : files) {
            everything.append(read(file));
        }
        for (String secret : List.of(SECRET_KEY, SESSION_TOKEN, MEMBER_SECRET, MEMBER_TOKEN, ACCESS_KEY)) {
            assertThat(everything.toString()).as(secret).doesNotContain(secret);
        }
    }

    private static void run(StringBuilder printed, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Atrest.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
        printed.append(out).append(err);
    }

    /** The bytes of a file as text (ISO-8859-1 keeps every byte), gunzipped when it is gzip. */
    private static String read(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                bytes = out.toByteArray();
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
