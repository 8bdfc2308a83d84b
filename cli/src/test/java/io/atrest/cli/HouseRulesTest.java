package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rooms a newcomer can take in at a sitting: no main source file of any module over 500 lines,
 * no method or constructor over 60 (lambdas count with the method that holds them).
 */
class HouseRulesTest {
    private static final int MAX_FILE_LINES = 500;
    private static final int MAX_METHOD_LINES = 60;
    /** The repository: the cli module's parent. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void noMainFileIsOver500LinesAndNoMethodOver60() throws IOException {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        List<Path> files = mainSources();
        assertThat(files).as("main sources found under " + ROOT).hasSizeGreaterThan(200);
        List<String> tooLong = new ArrayList<>();
        for (Path file : files) {
            String name = ROOT.relativize(file).toString();
            long lines = Files.lines(file).count();
            if (lines > MAX_FILE_LINES) {
                tooLong.add(name + ": " + lines + " lines");
            }
            CompilationUnit unit = parser.parse(file).getResult()
                    .orElseThrow(() -> new AssertionError("cannot parse " + name));
            for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
                int length = callable.getEnd().orElseThrow().line - callable.getBegin().orElseThrow().line + 1;
                if (length > MAX_METHOD_LINES) {
                    tooLong.add(name + ": " + callable.getNameAsString() + " is " + length + " lines");
                }
            }
        }
        assertThat(tooLong).as("files over " + MAX_FILE_LINES + " lines, methods over " + MAX_METHOD_LINES).isEmpty();
    }

    /**
     * A kind of store is one folder plus one registry line: no main source outside its folder
     * imports from it or names its type, but the registry ({@code StoreKinds}).
     */
    @Test
    void aKindOfStoreIsNamedOnlyInItsFolderAndTheRegistry() throws IOException {
        List<String> strays = new ArrayList<>();
        for (io.atrest.scanner.stores.StoreKind<?> kind : io.atrest.scanner.stores.StoreKinds.ALL) {
            String pkg = kind.record().getPackageName();
            Path folder = ROOT.resolve("scanner/src/main/java").resolve(pkg.replace('.', '/'));
            for (Path file : mainSources()) {
                if (file.startsWith(folder) || file.getFileName().toString().equals("StoreKinds.java")) {
                    continue;
                }
                String text = Files.readString(file);
                if (text.contains(pkg + ".") || text.contains("\"" + kind.type().name() + "\"")) {
                    strays.add(ROOT.relativize(file) + " names " + kind.type().name());
                }
            }
        }
        assertThat(io.atrest.scanner.stores.StoreKinds.ALL).isNotEmpty();
        assertThat(strays).as("a kind of store named outside its folder and the registry").isEmpty();
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .sorted()
                    .toList();
        }
    }
}
