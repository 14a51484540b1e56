package org.tongpos.sync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.wire.ErrorCode;

/**
 * Reads one uploaded entry field by field and checks every rule of the contract for entries; a broken
 * rule is {@code 400 PARAM_ERROR} naming the entry's {@code seq} (when it could be read).
 */
final class EntryReader {

    static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern INSTANT_WITH_SECONDS_AND_OFFSET = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([+-]\\d{2}:\\d{2}|Z)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_REFERENCE = 200;

    private EntryReader() {
    }

    static JournalEntry read(JsonNode node, int index) {
        if (node == null || !node.isObject()) {
            throw new ApiException(ErrorCode.PARAM_ERROR, "entries[" + index + "] must be an object");
        }
        long seq;
        try {
            seq = JsonFields.integer(node, "seq");
        } catch (ApiException e) {
            throw new ApiException(ErrorCode.PARAM_ERROR, "entries[" + index + "]: " + e.getMessage());
        }
        try {
            return readFields(node, seq);
        } catch (ApiException e) {
            throw new ApiException(ErrorCode.PARAM_ERROR, "entry seq " + seq + ": " + e.getMessage(),
                    Map.of("seq", seq));
        }
    }

    private static JournalEntry readFields(JsonNode node, long seq) {
        if (seq < 1) {
            throw ApiException.param("seq must be >= 1");
        }
        String txnId = JsonFields.text(node, "txn_id");
        if (!UUID_TEXT.matcher(txnId).matches()) {
            throw ApiException.param("txn_id must be UUID text");
        }
        EntryKind kind = enumValue(EntryKind.class, JsonFields.text(node, "kind"), "kind");
        String occurredAt = JsonFields.text(node, "occurred_at");
        if (!INSTANT_WITH_SECONDS_AND_OFFSET.matcher(occurredAt).matches() || !parsesAsOffsetTime(occurredAt)) {
            throw ApiException.param("occurred_at must be ISO-8601 with seconds and an offset");
        }
        String businessDate = JsonFields.text(node, "business_date");
        if (!isDate(businessDate)) {
            throw ApiException.param("business_date must be YYYY-MM-DD");
        }
        long amount = JsonFields.integer(node, "amount_fen");
        if (amount <= 0) {
            throw ApiException.param("amount_fen must be > 0");
        }
        List<EntryTender> tenders = readTenders(JsonFields.array(node, "tenders"), amount);
        String original = JsonFields.text(node, "original_txn_id");
        if (kind.isCredit() && !UUID_TEXT.matcher(original).matches()) {
            throw ApiException.param("a refund must name original_txn_id as UUID text");
        }
        if (!kind.isCredit() && !original.isEmpty()) {
            throw ApiException.param("original_txn_id must be \"\" for " + kind);
        }
        String prevHash = JsonFields.text(node, "prev_hash");
        String entryHash = JsonFields.text(node, "entry_hash");
        if (!HASH.matcher(prevHash).matches() || !HASH.matcher(entryHash).matches()) {
            throw ApiException.param("prev_hash and entry_hash must be 64 lowercase hex digits");
        }
        return new JournalEntry(seq, txnId, kind, occurredAt, businessDate, amount, tenders, original, prevHash,
                entryHash);
    }

    private static List<EntryTender> readTenders(JsonNode array, long amount) {
        if (array.isEmpty()) {
            throw ApiException.param("tenders must not be empty");
        }
        List<EntryTender> tenders = new ArrayList<>(array.size());
        Set<TenderMethod> methods = EnumSet.noneOf(TenderMethod.class);
        long sum = 0;
        for (JsonNode tender : array) {
            if (!tender.isObject()) {
                throw ApiException.param("each tender must be an object");
            }
            TenderMethod method = enumValue(TenderMethod.class, JsonFields.text(tender, "method"), "tender method");
            long tenderAmount = JsonFields.integer(tender, "amount_fen");
            String reference = JsonFields.text(tender, "reference");
            if (tenderAmount <= 0) {
                throw ApiException.param("tender amount_fen must be > 0");
            }
            if (reference.length() > MAX_REFERENCE || reference.indexOf('|') >= 0 || reference.indexOf(',') >= 0
                    || reference.indexOf(':') >= 0) {
                throw ApiException.param("tender reference must not contain '|', ',' or ':' (max "
                        + MAX_REFERENCE + " characters)");
            }
            if ((method == TenderMethod.ACCOUNT || method == TenderMethod.SUBSIDY) && reference.isEmpty()) {
                throw ApiException.param(method + " tender must name the canteen account_id as reference");
            }
            if (!methods.add(method)) {
                throw ApiException.param("at most one tender per method: " + method);
            }
            try {
                sum = Math.addExact(sum, tenderAmount);
            } catch (ArithmeticException e) {
                throw ApiException.param("tender amounts overflow");
            }
            tenders.add(new EntryTender(method, tenderAmount, reference));
        }
        if (sum != amount) {
            throw ApiException.param("tenders sum to " + sum + " fen, amount_fen is " + amount);
        }
        return tenders;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw ApiException.param(field + " is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private static boolean parsesAsOffsetTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isDate(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
