package org.tongpos.app.operators.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PinHasherTest {

    /** Fewer iterations for the behaviour checks; the production count is checked once below. */
    private final PinHasher fast = new PinHasher(1_000, new SecureRandom());

    @Test
    void theProductionHasherUsesPbkdf2Sha256WithAtLeast210000IterationsAndARandomSalt() {
        PinHasher production = new PinHasher();

        String hash = production.hash("2580".toCharArray());

        assertThat(PinHasher.ITERATIONS).isGreaterThanOrEqualTo(210_000);
        assertThat(hash).startsWith("pbkdf2-sha256$210000$").doesNotContain("2580");
        assertThat(production.verify("2580".toCharArray(), hash)).isTrue();
        assertThat(production.verify("2581".toCharArray(), hash)).isFalse();
        assertThat(production.needsRehash(hash)).isFalse();
    }

    @Test
    void thesamePinHashesDifferentlyEachTime() {
        String first = fast.hash("1234".toCharArray());
        String second = fast.hash("1234".toCharArray());

        assertThat(first).isNotEqualTo(second);
        assertThat(fast.verify("1234".toCharArray(), first)).isTrue();
        assertThat(fast.verify("1234".toCharArray(), second)).isTrue();
    }

    @Test
    void aMalformedStoredHashNeverVerifies() {
        for (String stored : new String[] {null, "", "1234", "md5$1$abc$def", "pbkdf2-sha256$x$AAAA$AAAA",
                "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1000$!!$AAAA"}) {
            assertThat(fast.verify("1234".toCharArray(), stored)).as(String.valueOf(stored)).isFalse();
        }
    }

    @Test
    void aHashWithFewerIterationsIsMadeAgain() {
        String old = fast.hash("1234".toCharArray());

        assertThat(new PinHasher().needsRehash(old)).isTrue();
        assertThat(fast.needsRehash(old)).isFalse();
        assertThat(fast.needsRehash("not a hash")).isTrue();
    }

    @Test
    void wipingAPinOverwritesIt() {
        char[] pin = "1234".toCharArray();
        PinHasher.wipe(pin);
        assertThat(pin).containsOnly('\0');
    }
}
