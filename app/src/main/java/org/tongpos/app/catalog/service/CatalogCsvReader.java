package org.tongpos.app.catalog.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tongpos.app.catalog.domain.Gtin;
import org.tongpos.app.catalog.domain.PinyinInitials;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductUnit;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;

/**
 * Reads a catalog CSV (UTF-8, BOM and CRLF tolerated): header {@code barcode,name,category,unit,price} plus
 * optional {@code cost} and {@code plu}; price in yuan with at most two decimals. Every bad row is reported with its
 * line number and reasons said in the reader's language; the caller imports nothing unless there are none. A barcode
 * or a PLU may appear on one row only.
 */
public final class CatalogCsvReader {

    private static final List<String> REQUIRED = List.of("barcode", "name", "category", "unit", "price");
    /** The line commons-csv names in its exceptions ("(startline 3) EOF reached ...", "... at line: 3, ..."). */
    private static final Pattern PARSER_LINE = Pattern.compile("(?:startline|line:)\\s*(\\d[\\d,.\\u00a0]*)");

    private final PinyinInitials pinyin;

    public CatalogCsvReader(PinyinInitials pinyin) {
        this.pinyin = pinyin;
    }

    /** Why a row was refused, as a bundle key and its arguments. */
    public record Reason(String key, List<Object> args) {
        public Reason {
            args = List.copyOf(args);
        }

        public static Reason of(String key, Object... args) {
            return new Reason(key, List.of(args));
        }

        public String text(Messages messages) {
            return messages.get(key, args.toArray());
        }
    }

    /** What is wrong with one line of the file (line 1 is the header; line 0 is the file as a whole). */
    public record Problem(long line, List<Reason> reasons) {
        public Problem {
            reasons = List.copyOf(reasons);
        }

        public Problem(long line, Reason reason) {
            this(line, List.of(reason));
        }

        /** {@code line 3: reason; reason} in the reader's language. */
        public String text(Messages messages) {
            String why = reasons.get(0).text(messages);
            for (int i = 1; i < reasons.size(); i++) {
                why = messages.get("catalog.csv.reasons", why, reasons.get(i).text(messages));
            }
            return line > 0 ? messages.get("catalog.csv.line", line, why) : why;
        }
    }

    /**
     * Products read, the line each was read from, and problems found; import only when {@code problems} is empty.
     */
    public record Result(List<Product> products, List<Long> lines, List<Problem> problems, Set<String> columns) {
        public Result(List<Product> products, List<Long> lines, List<Problem> problems) {
            this(products, lines, problems, Set.of());
        }

        /** Whether the file has this column (lowercase), so that its empty cells mean "none", not "not said". */
        public boolean hasColumn(String name) {
            return columns.contains(name);
        }

        /** The line of the file the {@code index}-th product was read from. */
        public long lineOf(int index) {
            return lines.get(index);
        }
    }

    /** Receives the good rows of a file in order, as they are read, for as long as no row has had a problem. */
    public interface Rows {
        /** The file's columns (lowercase), before its first row. */
        default void columns(Set<String> columns) {
        }

        void row(Product product, long line);
    }

    /** What reading a whole file found: its problems (none: every row went to {@link Rows}) and its columns. */
    public record Scan(List<Problem> problems, Set<String> columns) {
        public Scan {
            problems = List.copyOf(problems);
            columns = Set.copyOf(columns);
        }

        public boolean clean() {
            return problems.isEmpty();
        }

        /** Whether the file has this column (lowercase), so that its empty cells mean "none", not "not said". */
        public boolean hasColumn(String name) {
            return columns.contains(name);
        }
    }

    /** Reads a whole file into memory: its products, or every problem. */
    public Result read(InputStream in) throws IOException {
        List<Product> products = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Scan scan = read(in, (product, line) -> {
            products.add(product);
            lines.add(line);
        });
        return scan.clean() ? new Result(products, lines, List.of(), scan.columns())
                : new Result(List.of(), List.of(), scan.problems());
    }

    /**
     * Reads a file row by row: each good row goes to {@code rows} as soon as it is read, until a row has a problem;
     * reading goes on to the end to report every bad row. Memory holds the codes seen (to refuse repeats), not the
     * rows.
     */
    public Scan read(InputStream in, Rows rows) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        List<Problem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        long lastLine = 0;
        Set<String> columns = Set.of();
        try (CSVParser parser = CSVParser.parse(new BomSkippingReader(reader), format)) {
            List<String> names = parser.getHeaderNames().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
            Optional<String> repeated = names.stream().filter(n -> names.indexOf(n) != names.lastIndexOf(n)).findFirst();
            if (repeated.isPresent()) {
                problems.add(new Problem(1, Reason.of("catalog.csv.repeatedColumn", repeated.get())));
                return new Scan(problems, Set.of());
            }
            Map<String, Integer> header = normalizedHeader(names);
            columns = Set.copyOf(header.keySet());
            List<String> missing = REQUIRED.stream().filter(h -> !header.containsKey(h)).toList();
            if (!missing.isEmpty()) {
                problems.add(new Problem(1, Reason.of("catalog.csv.missingColumns", String.join(", ", missing))));
                return new Scan(problems, Set.of());
            }
            rows.columns(columns);
            lastLine = 1;
            FirstLines firstLines = new FirstLines();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                Optional<Product> product = readRow(record, header, line, firstLines, problems);
                if (product.isPresent() && problems.isEmpty()) {
                    rows.row(product.get(), line);
                }
                lastLine = line;
            }
        } catch (CharacterCodingException e) {
            problems.add(new Problem(0, Reason.of("catalog.csv.notUtf8")));
        } catch (UncheckedIOException e) {
            problems.add(unreadable(e.getCause(), lastLine + 1));
        } catch (CSVException e) {
            problems.add(unreadable(e, lastLine + 1));
        } catch (IllegalArgumentException e) {
            if (lastLine > 0) {
                throw e;
            }
            problems.add(new Problem(1, Reason.of("catalog.csv.badHeader")));
        }
        return new Scan(problems, problems.isEmpty() ? columns : Set.of());
    }

    /**
     * A file the CSV parser gave up on, at the line it names (else the line after the last row read); other CSV
     * imports (promotions, members) say it the same way.
     */
    public static Problem unreadable(IOException e, long nextLine) {
        if (e instanceof CharacterCodingException) {
            return new Problem(0, Reason.of("catalog.csv.notUtf8"));
        }
        String detail = String.valueOf(e.getMessage());
        Matcher named = PARSER_LINE.matcher(detail);
        long line = named.find() ? Long.parseLong(named.group(1).replaceAll("\\D", "")) : nextLine;
        if (detail.contains("EOF reached before encapsulated token finished")) {
            return new Problem(line, Reason.of("catalog.csv.unclosedQuote"));
        }
        if (detail.contains("Invalid character between encapsulated token and delimiter")) {
            return new Problem(line, Reason.of("catalog.csv.textAfterQuote"));
        }
        return new Problem(line, Reason.of("catalog.csv.unreadable", detail));
    }

    private Optional<Product> readRow(CSVRecord record, Map<String, Integer> header, long line, FirstLines firstLines,
                                      List<Problem> problems) {
        if (!record.isConsistent()) {
            problems.add(new Problem(line, Reason.of("catalog.csv.fieldCount", header.size(), record.size())));
            return Optional.empty();
        }
        String barcode = field(record, header, "barcode");
        String name = field(record, header, "name");
        String category = field(record, header, "category");
        String unitText = field(record, header, "unit");
        String priceText = field(record, header, "price");
        String costText = field(record, header, "cost");
        String plu = field(record, header, "plu");
        List<Reason> reasons = new ArrayList<>();
        if (name.isEmpty()) {
            reasons.add(Reason.of("catalog.csv.nameEmpty"));
        } else if (name.length() > 200) {
            reasons.add(Reason.of("catalog.csv.nameTooLong"));
        }
        if (category.isEmpty()) {
            reasons.add(Reason.of("catalog.csv.categoryEmpty"));
        }
        if (unitText.isEmpty()) {
            reasons.add(Reason.of("catalog.csv.unitEmpty"));
        }
        ProductUnit unit = unitText.isEmpty() ? ProductUnit.PIECE : ProductUnit.of(unitText);
        checkCodes(barcode, plu, reasons);
        Money price = parseYuan(priceText, "price", true, reasons);
        Money cost = costText.isEmpty() ? null : parseYuan(costText, "cost", false, reasons);
        firstLines.checkRepeats(barcode, plu, line, reasons);
        if (!reasons.isEmpty()) {
            problems.add(new Problem(line, reasons));
            return Optional.empty();
        }
        return Optional.of(new Product(0, barcode.isEmpty() ? List.of() : List.of(barcode), plu, name, category, unit,
                price, Optional.ofNullable(cost), pinyin.of(name)));
    }

    /** The first line each barcode and each PLU (as lookups compare it) was on, to refuse a repeat. */
    private static final class FirstLines {
        private final Map<String, Long> ofBarcode = new HashMap<>();
        private final Map<String, Long> ofPlu = new HashMap<>();

        void checkRepeats(String barcode, String plu, long line, List<Reason> reasons) {
            if (!barcode.isEmpty()) {
                Long earlier = ofBarcode.putIfAbsent(barcode, line);
                if (earlier != null) {
                    reasons.add(Reason.of("catalog.csv.barcodeRepeated", barcode, earlier));
                }
            }
            if (!plu.isEmpty()) {
                Long earlier = ofPlu.putIfAbsent(Product.normalizePlu(plu), line);
                if (earlier != null) {
                    reasons.add(Reason.of("catalog.csv.pluRepeated", plu, earlier));
                }
            }
        }
    }

    private static void checkCodes(String barcode, String plu, List<Reason> reasons) {
        if (barcode.isEmpty()) {
            if (plu.isEmpty()) {
                reasons.add(Reason.of("catalog.csv.noCode"));
            }
        } else if (barcode.chars().allMatch(Character::isDigit) && (barcode.length() == 8 || barcode.length() == 12
                || barcode.length() == 13)) {
            if (!Gtin.isValid(barcode)) {
                reasons.add(Reason.of("catalog.csv.checkDigit", barcode,
                        Gtin.checkDigit(barcode.substring(0, barcode.length() - 1))));
            }
        } else if (!barcode.matches("[A-Za-z0-9]{1,32}")) {
            reasons.add(Reason.of("catalog.csv.badBarcode", barcode));
        }
        if (!plu.isEmpty() && !plu.matches("\\d{1,7}")) {
            reasons.add(Reason.of("catalog.csv.badPlu", plu));
        }
    }

    private static Money parseYuan(String text, String column, boolean required, List<Reason> reasons) {
        if (text.isEmpty()) {
            if (required) {
                reasons.add(Reason.of("catalog.csv.priceEmpty"));
            }
            return Money.ZERO;
        }
        try {
            Money money = Money.parseYuan(text);
            if (money.isNegative()) {
                reasons.add(Reason.of("catalog.csv.negative", column));
            }
            return money;
        } catch (IllegalArgumentException | ArithmeticException e) {
            reasons.add(Reason.of("catalog.csv.badAmount", column, text));
            return Money.ZERO;
        }
    }

    private static String field(CSVRecord record, Map<String, Integer> header, String name) {
        Integer index = header.get(name);
        return index == null || index >= record.size() ? "" : record.get(index).strip();
    }

    private static Map<String, Integer> normalizedHeader(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            header.put(names.get(i), i);
        }
        return header;
    }

    /** Drops a leading byte order mark, which spreadsheet programs write. */
    public static final class BomSkippingReader extends java.io.FilterReader {
        private boolean first = true;

        public BomSkippingReader(Reader in) {
            super(new java.io.PushbackReader(in, 1));
        }

        @Override
        public int read() throws IOException {
            skipBom();
            return super.read();
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            skipBom();
            return super.read(buf, off, len);
        }

        private void skipBom() throws IOException {
            if (first) {
                first = false;
                java.io.PushbackReader pushback = (java.io.PushbackReader) in;
                int c = pushback.read();
                if (c != -1 && c != '\uFEFF') {
                    pushback.unread(c);
                }
            }
        }
    }
}
