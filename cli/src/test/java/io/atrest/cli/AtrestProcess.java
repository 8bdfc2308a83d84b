package io.atrest.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts atrest in a JVM of its own, as an operator would, with the loopback stub's credentials and a log file. */
final class AtrestProcess {
    private AtrestProcess() {}

    static Process start(Path log, String... args) throws IOException {
        return start(log, List.of(), args);
    }

    /** The same with options for the JVM ({@code -Djava.io.tmpdir=...}). */
    static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.atrest.cli.Atrest"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDMANAGEMENT");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
        return builder.start();
    }
}
