package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementWriterTest {

    @Test
    void quotesOnlyFieldsThatNeedIt() {
        assertThat(StatementWriter.field("420000123")).isEqualTo("420000123");
        assertThat(StatementWriter.field("")).isEqualTo("");
        assertThat(StatementWriter.field("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(StatementWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(StatementWriter.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(StatementWriter.field("食堂")).isEqualTo("食堂");
    }
}
