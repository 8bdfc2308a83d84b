package io.atrest.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One atrest command run in this JVM, as the tests drive the CLI: its exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Atrest.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
