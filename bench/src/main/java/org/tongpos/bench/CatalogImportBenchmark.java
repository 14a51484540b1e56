package org.tongpos.bench;

import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.CatalogImport;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.catalog.domain.PinyinInitials;

/** Importing a 100,000-row catalog CSV into an empty terminal: read, validate, pinyin, insert, reindex. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class CatalogImportBenchmark {

    private Path csv;
    private BenchStore empty;

    @Setup(Level.Trial)
    public void writeCsv() throws Exception {
        csv = Files.createTempFile("catalog-100k", ".csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("barcode,name,category,unit,price,cost,plu\n");
            for (Product p : new DemoCatalog(new PinyinInitials()).products(100_000)) {
                out.write(p.primaryBarcode() + "," + p.name() + "," + p.category() + "," + p.unit().label() + ","
                        + p.price().toYuanString() + "," + p.cost().map(c -> c.toYuanString()).orElse("") + ","
                        + p.plu() + "\n");
            }
        }
    }

    @Setup(Level.Invocation)
    public void freshTerminal() throws Exception {
        empty = new BenchStore(0);
    }

    @TearDown(Level.Invocation)
    public void dropTerminal() throws Exception {
        empty.close();
    }

    @TearDown(Level.Trial)
    public void deleteCsv() throws Exception {
        Files.deleteIfExists(csv);
    }

    @Benchmark
    public int import100k() throws Exception {
        CatalogImport.Outcome outcome;
        try (InputStream in = Files.newInputStream(csv)) {
            outcome = new CatalogImport(empty.terminal.catalogCsvReader(), empty.terminal.catalog()).run(in);
        }
        if (!outcome.imported()) {
            throw new IllegalStateException("demo CSV has problems: " + outcome.problems().get(0));
        }
        return outcome.saved().added();
    }
}
