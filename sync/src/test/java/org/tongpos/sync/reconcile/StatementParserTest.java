package org.tongpos.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementParserTest {

    private static final String TXN = "3f1c2a9e-0b7d-4c55-9a3e-2b8f6d1e4a70";

    private static List<StatementRow> parse(String csv, List<StatementTrailer> trailer) throws IOException {
        List<StatementRow> rows = new ArrayList<>();
        trailer.add(StatementParser.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), rows::add));
        return rows;
    }

    @Test
    void readsRowsAndChecksTheTrailerAgainstThem() throws IOException {
        String csv = StatementParser.HEADER + "\n"
                + TXN + ",1,SALE,2026-11-30,BANK_CARD,1000,4,996,C123,SETTLED\n"
                + TXN + ",2,REFUND,2026-11-30,PAYMENT_CODE,-200,-1,-199,\"P,9\",REVERSED\n"
                + "#TOTAL,2,800,3,797\n";
        List<StatementTrailer> trailer = new ArrayList<>();
        List<StatementRow> rows = parse(csv, trailer);
        assertThat(rows).containsExactly(
                new StatementRow(TXN, 1, "SALE", "2026-11-30", "BANK_CARD", 1000, 4, 996, "C123", "SETTLED"),
                new StatementRow(TXN, 2, "REFUND", "2026-11-30", "PAYMENT_CODE", -200, -1, -199, "P,9", "REVERSED"));
        assertThat(trailer).containsExactly(new StatementTrailer(2, 800, 3, 797));
    }

    @Test
    void emptyStatementHasOnlyHeaderAndZeroTrailer() throws IOException {
        List<StatementTrailer> trailer = new ArrayList<>();
        assertThat(parse(StatementParser.HEADER + "\n#TOTAL,0,0,0,0\n", trailer)).isEmpty();
        assertThat(trailer).containsExactly(new StatementTrailer(0, 0, 0, 0));
    }

    @Test
    void trailerThatDoesNotMatchTheRowsIsRefused() {
        String csv = StatementParser.HEADER + "\n" + TXN + ",1,SALE,2026-11-30,BANK_CARD,1000,4,996,C1,SETTLED\n"
                + "#TOTAL,1,1001,4,996\n";
        assertThatThrownBy(() -> parse(csv, new ArrayList<>())).isInstanceOf(StatementFormatException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void truncatedStatementWithoutTrailerIsRefused() {
        String csv = StatementParser.HEADER + "\n" + TXN + ",1,SALE,2026-11-30,BANK_CARD,1000,4,996,C1,SETTLED\n";
        assertThatThrownBy(() -> parse(csv, new ArrayList<>())).hasMessageContaining("no #TOTAL");
    }

    @Test
    void wrongHeaderAndMalformedRowsAreRefused() {
        assertThatThrownBy(() -> parse("txn,seq\n#TOTAL,0,0,0,0\n", new ArrayList<>())).hasMessageContaining("header");
        assertThatThrownBy(() -> parse(StatementParser.HEADER + "\n" + TXN + ",1,SALE\n#TOTAL,0,0,0,0\n",
                new ArrayList<>())).hasMessageContaining("fields");
        assertThatThrownBy(() -> parse(StatementParser.HEADER + "\n" + TXN
                + ",x,SALE,2026-11-30,BANK_CARD,1,0,1,,SETTLED\n#TOTAL,1,1,0,1\n", new ArrayList<>()))
                .hasMessageContaining("number");
        assertThatThrownBy(() -> parse(StatementParser.HEADER + "\n#TOTAL,0,0,0,0\nextra\n", new ArrayList<>()))
                .hasMessageContaining("after its trailer");
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws IOException {
        String csv = StatementParser.HEADER + "\n"
                + TXN + ",1,SALE,2026-11-30,BANK_CARD,1000,4,996,\"line one\nline two\",SETTLED\n"
                + TXN + ",2,SALE,2026-11-30,ACCOUNT,100,0,100,\"cr\rinside, \"\"quoted\"\"\r\n\",SETTLED\n"
                + TXN + ",3,SALE,2026-11-30,SUBSIDY,1,0,1,,SETTLED\n"
                + "#TOTAL,3,1101,4,1097\n";
        List<StatementTrailer> trailer = new ArrayList<>();
        List<StatementRow> rows = parse(csv, trailer);
        assertThat(rows).extracting(StatementRow::reference)
                .containsExactly("line one\nline two", "cr\rinside, \"quoted\"\r\n", "");
        assertThat(trailer).containsExactly(new StatementTrailer(3, 1101, 4, 1097));
    }

    @Test
    void crlfLineEndsAreAcceptedToo() throws IOException {
        String csv = StatementParser.HEADER + "\r\n" + TXN + ",1,SALE,2026-11-30,BANK_CARD,10,0,10,\"C,1\",SETTLED\r\n"
                + "#TOTAL,1,10,0,10\r\n";
        assertThat(parse(csv, new ArrayList<>())).extracting(StatementRow::reference).containsExactly("C,1");
    }

    @Test
    void errorsNameThePhysicalLineAfterAMultiLineRecord() {
        String csv = StatementParser.HEADER + "\n"
                + TXN + ",1,SALE,2026-11-30,BANK_CARD,1000,4,996,\"a\nb\nc\",SETTLED\n"
                + TXN + ",x,SALE,2026-11-30,BANK_CARD,1,0,1,,SETTLED\n#TOTAL,2,1001,4,997\n";
        assertThatThrownBy(() -> parse(csv, new ArrayList<>())).hasMessageContaining("line 5 has a malformed number");
    }

    @Test
    void unterminatedQuoteAndTextAfterAClosingQuoteAreRefused() {
        assertThatThrownBy(() -> parse(StatementParser.HEADER + "\n" + TXN
                + ",1,SALE,2026-11-30,BANK_CARD,1,0,1,\"open,SETTLED\n#TOTAL,1,1,0,1\n", new ArrayList<>()))
                .isInstanceOf(StatementFormatException.class).hasMessageContaining("starting on line 2")
                .hasMessageContaining("EOF reached before encapsulated token finished");
        assertThatThrownBy(() -> parse(StatementParser.HEADER + "\n" + TXN
                + ",1,SALE,2026-11-30,BANK_CARD,1,0,1,\"C\"x,SETTLED\n#TOTAL,1,1,0,1\n", new ArrayList<>()))
                .isInstanceOf(StatementFormatException.class).hasMessageContaining("starting on line 2")
                .hasMessageContaining("Invalid character between encapsulated token and delimiter");
    }

    @Test
    void fieldsLongerThanTheReadBufferComeBackWhole() throws IOException {
        String plain = "p".repeat(100_000);
        String quoted = "q,\n".repeat(40_000);
        String csv = StatementParser.HEADER + "\n"
                + TXN + ",1,SALE,2026-11-30,BANK_CARD,1,0,1," + plain + ",SETTLED\n"
                + TXN + ",2,SALE,2026-11-30,PAYMENT_CODE,1,0,1,\"" + quoted + "\",SETTLED\n#TOTAL,2,2,0,2\n";
        assertThat(parse(csv, new ArrayList<>())).extracting(StatementRow::reference).containsExactly(plain, quoted);
    }

    @Test
    void aRecordTooLongToBeARowIsRefusedInsteadOfFillingMemory() {
        for (String opening : new String[] {"", "\""}) {
            byte[] start = (StatementParser.HEADER + "\n" + TXN + ",1,SALE,2026-11-30,BANK_CARD,1,0,1," + opening)
                    .getBytes(StandardCharsets.UTF_8);
            InputStream endless = new SequenceInputStream(new ByteArrayInputStream(start), new InputStream() {
                @Override
                public int read() {
                    return 'x';
                }
            });
            assertThatThrownBy(() -> StatementParser.parse(endless, row -> { }))
                    .isInstanceOf(StatementFormatException.class)
                    .hasMessageContaining("starting on line 2 is longer than " + RecordLengthGuard.MAX_RECORD_CHARS);
        }
    }

    @Test
    void aStrayQuoteIsRefusedBeforeItSwallowsTheRestOfALargeFile() {
        StringBuilder csv = new StringBuilder(StatementParser.HEADER).append('\n')
                .append(TXN).append(",1,SALE,2026-11-30,BANK_CARD,1,0,1,\"C1,SETTLED\n");
        while (csv.length() <= 2 * RecordLengthGuard.MAX_RECORD_CHARS) {
            csv.append(TXN).append(",2,SALE,2026-11-30,BANK_CARD,1,0,1,C2,SETTLED\n");
        }
        csv.append("#TOTAL,1,1,0,1\n");
        assertThatThrownBy(() -> parse(csv.toString(), new ArrayList<>()))
                .isInstanceOf(StatementFormatException.class)
                .hasMessageContaining("starting on line 2 is longer than " + RecordLengthGuard.MAX_RECORD_CHARS);
    }
}
