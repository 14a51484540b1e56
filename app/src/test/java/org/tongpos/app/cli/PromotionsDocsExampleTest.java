package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example file and session of docs/promotions.md work as the docs say, on the demo store. */
class PromotionsDocsExampleTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(dir, args);
    }

    @Test
    void theExampleFileImportsAndTheExampleSessionPrintsWhatTheDocsShow() throws Exception {
        String docs = Files.readString(Path.of(System.getProperty("basedir", "."), "..", "docs", "promotions.md"),
                StandardCharsets.UTF_8);
        int csvStart = docs.indexOf("```csv\n") + "```csv\n".length();
        String csv = docs.substring(csvStart, docs.indexOf("```", csvStart));
        int sessionStart = docs.indexOf("```text\n$ tongpos ") + "```text\n".length();
        String session = docs.substring(sessionStart, docs.indexOf("```", sessionStart));
        String command = session.substring("$ tongpos ".length(), session.indexOf('\n'));
        String printed = session.substring(session.indexOf('\n') + 1);
        Path file = dir.resolve("docs-example.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        assertThat(run("demo-data", "--products", "300")).isZero();
        assertThat(run("promo", "import", file.toString())).as(cli.err()).isZero();
        assertThat(run(command.split(" "))).as(cli.err()).isZero();

        assertThat(cli.out()).isEqualTo(printed);
    }
}
