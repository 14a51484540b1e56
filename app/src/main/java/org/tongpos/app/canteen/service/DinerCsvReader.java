package org.tongpos.app.canteen.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tongpos.app.canteen.domain.DinerProfile;
import org.tongpos.app.canteen.domain.DinerTypes;
import org.tongpos.app.i18n.Messages;

/**
 * Reads a diner CSV (UTF-8, BOM and CRLF tolerated): header with {@code diner_id,name,diner_type} and optional
 * {@code staff_no,department,card_uid}, in any order. Every bad row is reported with its line number and reasons; the
 * caller imports nothing unless there are none. A diner id, card UID or staff number may appear on one row only.
 */
public final class DinerCsvReader {

    static final List<String> REQUIRED = List.of("diner_id", "name", "diner_type");
    static final List<String> OPTIONAL = List.of("staff_no", "department", "card_uid");
    /** 300,000 diners of about 60 bytes; anything much larger is not a diner list. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

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

    /** What is wrong with one line (line 1 is the header; line 0 is the file as a whole). */
    public record Problem(long line, List<Reason> reasons) {
        public Problem {
            reasons = List.copyOf(reasons);
        }

        /** {@code 第 3 行：原因；原因} / {@code line 3: reason; reason}. */
        public String text(Messages messages) {
            String why = reasons.get(0).text(messages);
            for (int i = 1; i < reasons.size(); i++) {
                why = messages.get("diner.csv.reasons", why, reasons.get(i).text(messages));
            }
            return line > 0 ? messages.get("diner.csv.line", line, why) : why;
        }
    }

    /** The diners read, the line each came from, and the problems found; import only when there are none. */
    public record Result(List<DinerProfile> diners, List<Long> lines, List<Problem> problems) {
        public Result {
            diners = List.copyOf(diners);
            lines = List.copyOf(lines);
            problems = List.copyOf(problems);
        }

        /** The line the diner with this id was read from (0 if none was). */
        public long lineOf(String dinerId) {
            for (int i = 0; i < diners.size(); i++) {
                if (diners.get(i).dinerId().equals(dinerId)) {
                    return lines.get(i);
                }
            }
            return 0;
        }
    }

    public Result read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return new Result(List.of(), List.of(), List.of(new Problem(0, List.of(Reason.of("diner.csv.tooLarge",
                    MAX_BYTES / (1024 * 1024))))));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Result(List.of(), List.of(), List.of(new Problem(0, List.of(Reason.of("diner.csv.notUtf8")))));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<DinerProfile> diners = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        long lastLine = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> names = parser.getHeaderNames().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
            Map<String, Integer> header = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (header.put(names.get(i), i) != null) {
                    return failed(new Problem(1, List.of(Reason.of("diner.csv.repeatedColumn", names.get(i)))));
                }
            }
            List<String> missing = REQUIRED.stream().filter(h -> !header.containsKey(h)).toList();
            if (!missing.isEmpty()) {
                return failed(new Problem(1, List.of(Reason.of("diner.csv.missingColumns", String.join(", ", missing)))));
            }
            Repeats repeats = new Repeats();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                lastLine = line;
                List<Reason> reasons = new ArrayList<>();
                DinerProfile diner = row(record, header, reasons);
                if (reasons.isEmpty()) {
                    repeats.check(diner, line, reasons);
                }
                if (reasons.isEmpty()) {
                    diners.add(diner);
                    lines.add(line);
                } else {
                    problems.add(new Problem(line, reasons));
                }
            }
        } catch (CSVException | UncheckedIOException e) {
            problems.add(new Problem(lastLine + 1, List.of(Reason.of("diner.csv.unreadable",
                    String.valueOf(e.getMessage())))));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(1, List.of(Reason.of("diner.csv.badHeader"))));
        }
        return problems.isEmpty() ? new Result(diners, lines, List.of()) : new Result(List.of(), List.of(), problems);
    }

    private static Result failed(Problem problem) {
        return new Result(List.of(), List.of(), List.of(problem));
    }

    private static DinerProfile row(CSVRecord record, Map<String, Integer> header, List<Reason> reasons) {
        if (!record.isConsistent()) {
            reasons.add(Reason.of("diner.csv.fieldCount", header.size(), record.size()));
            return null;
        }
        String dinerId = field(record, header, "diner_id");
        String name = field(record, header, "name");
        String type = DinerTypes.normalize(field(record, header, "diner_type"));
        String staffNo = field(record, header, "staff_no");
        String department = field(record, header, "department");
        String card = field(record, header, "card_uid");
        if (!DinerProfile.isDinerId(dinerId)) {
            reasons.add(Reason.of("diner.csv.badDinerId", dinerId));
        }
        if (name.isEmpty() || name.length() > 60) {
            reasons.add(Reason.of("diner.csv.badName"));
        }
        if (!DinerTypes.isValid(type)) {
            reasons.add(Reason.of("diner.csv.badDinerType", type));
        }
        if (!staffNo.isEmpty() && !DinerProfile.isDinerId(staffNo)) {
            reasons.add(Reason.of("diner.csv.badStaffNo", staffNo));
        }
        if (department.length() > 60) {
            reasons.add(Reason.of("diner.csv.badDepartment"));
        }
        if (!card.isEmpty() && !DinerProfile.isCardUid(card)) {
            reasons.add(Reason.of("diner.csv.badCardUid", card));
        }
        return reasons.isEmpty() ? new DinerProfile(dinerId, staffNo, name, department, type, card) : null;
    }

    /** The first line each diner id, card and staff number was on, to refuse a repeat. */
    private static final class Repeats {
        private final Map<String, Long> dinerIds = new HashMap<>();
        private final Map<String, Long> cards = new HashMap<>();
        private final Map<String, Long> staffNos = new HashMap<>();

        void check(DinerProfile diner, long line, List<Reason> reasons) {
            Long earlier = dinerIds.putIfAbsent(diner.dinerId(), line);
            if (earlier != null) {
                reasons.add(Reason.of("diner.csv.dinerIdRepeated", diner.dinerId(), earlier));
            }
            if (!diner.cardUid().isEmpty() && (earlier = cards.putIfAbsent(diner.cardUid(), line)) != null) {
                reasons.add(Reason.of("diner.csv.cardRepeated", diner.cardUid(), earlier));
            }
            if (!diner.staffNo().isEmpty() && (earlier = staffNos.putIfAbsent(diner.staffNo(), line)) != null) {
                reasons.add(Reason.of("diner.csv.staffNoRepeated", diner.staffNo(), earlier));
            }
        }
    }

    private static String field(CSVRecord record, Map<String, Integer> header, String name) {
        Integer index = header.get(name);
        return index == null || index >= record.size() ? "" : record.get(index).strip();
    }
}
