package org.tongpos.app.catalog.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tongpos.app.catalog.domain.Gtin;
import org.tongpos.app.catalog.domain.PinyinInitials;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductUnit;
import org.tongpos.app.money.domain.Money;

/**
 * Reads a catalog CSV (UTF-8, BOM and CRLF tolerated): header {@code barcode,name,category,unit,price} plus
 * optional {@code cost} and {@code plu}; price in yuan with at most two decimals. Every bad row is reported with its
 * line number; the caller imports nothing unless there are none.
 */
public final class CatalogCsvReader {

    private static final List<String> REQUIRED = List.of("barcode", "name", "category", "unit", "price");

    private final PinyinInitials pinyin;

    public CatalogCsvReader(PinyinInitials pinyin) {
        this.pinyin = pinyin;
    }

    /** A problem with one line of the file (line 1 is the header). */
    public record Problem(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** Products read, and problems found; import only when {@code problems} is empty. */
    public record Result(List<Product> products, List<Problem> problems) {
    }

    public Result read(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        List<Product> products = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new BomSkippingReader(reader), format)) {
            Map<String, Integer> header = normalizedHeader(parser.getHeaderNames());
            List<String> missing = REQUIRED.stream().filter(h -> !header.containsKey(h)).toList();
            if (!missing.isEmpty()) {
                problems.add(new Problem(1, "missing column(s) " + String.join(", ", missing)
                        + "; the header must be barcode,name,category,unit,price[,cost][,plu]"));
                return new Result(List.of(), problems);
            }
            Map<String, Long> firstLineOfCode = new HashMap<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                readRow(record, header, line, firstLineOfCode, products, problems);
            }
        } catch (CharacterCodingException e) {
            problems.add(new Problem(0, "the file is not UTF-8 text"));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            problems.add(new Problem(0, "not a readable CSV file: " + e.getMessage()));
        }
        return new Result(problems.isEmpty() ? products : List.of(), problems);
    }

    private void readRow(CSVRecord record, Map<String, Integer> header, long line, Map<String, Long> firstLineOfCode,
                         List<Product> products, List<Problem> problems) {
        if (!record.isConsistent()) {
            problems.add(new Problem(line, "expected " + header.size() + " fields, found " + record.size()));
            return;
        }
        String barcode = field(record, header, "barcode");
        String name = field(record, header, "name");
        String category = field(record, header, "category");
        String unitText = field(record, header, "unit");
        String priceText = field(record, header, "price");
        String costText = field(record, header, "cost");
        String plu = field(record, header, "plu");
        List<String> reasons = new ArrayList<>();
        if (name.isEmpty()) {
            reasons.add("name is empty");
        } else if (name.length() > 200) {
            reasons.add("name is longer than 200 characters");
        }
        if (category.isEmpty()) {
            reasons.add("category is empty");
        }
        if (unitText.isEmpty()) {
            reasons.add("unit is empty");
        }
        ProductUnit unit = unitText.isEmpty() ? ProductUnit.PIECE : ProductUnit.of(unitText);
        checkCodes(barcode, plu, unit, reasons);
        Money price = parseYuan(priceText, "price", true, reasons);
        Money cost = costText.isEmpty() ? null : parseYuan(costText, "cost", false, reasons);
        String key = barcode.isEmpty() ? "plu:" + plu : barcode;
        Long earlier = firstLineOfCode.putIfAbsent(key, line);
        if (earlier != null && !key.equals("plu:")) {
            reasons.add((barcode.isEmpty() ? "PLU " + plu : "barcode " + barcode) + " already on line " + earlier);
        }
        if (!reasons.isEmpty()) {
            problems.add(new Problem(line, String.join("; ", reasons)));
            return;
        }
        products.add(new Product(0, barcode.isEmpty() ? List.of() : List.of(barcode), plu, name, category, unit,
                price, Optional.ofNullable(cost), pinyin.of(name)));
    }

    private static void checkCodes(String barcode, String plu, ProductUnit unit, List<String> reasons) {
        if (barcode.isEmpty()) {
            if (plu.isEmpty()) {
                reasons.add("barcode is empty (weighed goods may give a plu instead)");
            }
        } else if (barcode.chars().allMatch(Character::isDigit) && (barcode.length() == 8 || barcode.length() == 12
                || barcode.length() == 13)) {
            if (!Gtin.isValid(barcode)) {
                reasons.add("barcode " + barcode + " has a wrong check digit (expected "
                        + Gtin.checkDigit(barcode.substring(0, barcode.length() - 1)) + ")");
            }
        } else if (!barcode.matches("[A-Za-z0-9]{1,32}")) {
            reasons.add("barcode " + barcode + " is not an EAN-13, EAN-8, UPC-A or a store code of letters and digits");
        }
        if (!plu.isEmpty() && !plu.matches("\\d{1,7}")) {
            reasons.add("plu must be 1 to 7 digits");
        }
    }

    private static Money parseYuan(String text, String column, boolean required, List<String> reasons) {
        if (text.isEmpty()) {
            if (required) {
                reasons.add(column + " is empty");
            }
            return Money.ZERO;
        }
        try {
            Money money = Money.parseYuan(text);
            if (money.isNegative()) {
                reasons.add(column + " must not be negative");
            }
            return money;
        } catch (IllegalArgumentException | ArithmeticException e) {
            reasons.add(column + " '" + text + "' is not an amount in yuan with at most two decimals");
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
            header.put(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return header;
    }

    /** Drops a leading byte order mark, which spreadsheet programs write. */
    private static final class BomSkippingReader extends java.io.FilterReader {
        private boolean first = true;

        BomSkippingReader(Reader in) {
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
