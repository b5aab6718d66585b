package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPoolTest {

    @Test
    void handsOutTokensRoundRobin() {
        TokenPool pool = pool("1", "2", "3");

        assertThat(List.of(pool.next(), pool.next(), pool.next(), pool.next())).extracting(TokenPool.Enrolled::token)
                .containsExactly("t0", "t1", "t2", "t0");
    }

    @Test
    void transfersPayTheNextTokenOnAnotherAccount() {
        TokenPool pool = pool("1", "1", "2", "3", "3");

        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TokenPool.Transfer t = pool.nextTransfer();
            pairs.add(t.payer().accountNo() + "->" + t.payeeAccountNo());
        }

        assertThat(pool.hasPayees()).isTrue();
        assertThat(pairs).containsExactly("1->2", "1->2", "2->3", "3->1", "3->1");
    }

    @Test
    void oneAccountOrNoneHasNoPayees() {
        assertThat(pool("7", "7", "7").hasPayees()).isFalse();
        assertThat(pool("7").hasPayees()).isFalse();
        assertThat(TokenPool.empty().hasPayees()).isFalse();
        assertThat(TokenPool.empty().isEmpty()).isTrue();
    }

    @Test
    void largePoolsAreIndexedQuickly() {
        List<TokenPool.Enrolled> tokens = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            tokens.add(new TokenPool.Enrolled("d", "u", "t" + i, i < 99_999 ? "A" : "B"));
        }

        TokenPool pool = new TokenPool(tokens);

        assertThat(pool.nextTransfer().payeeAccountNo()).isEqualTo("B");
        assertThat(pool.size()).isEqualTo(100_000);
    }

    private static TokenPool pool(String... accounts) {
        List<TokenPool.Enrolled> tokens = new ArrayList<>();
        for (int i = 0; i < accounts.length; i++) {
            tokens.add(new TokenPool.Enrolled("d" + i, "u" + i, "t" + i, accounts[i]));
        }
        return new TokenPool(tokens);
    }
}
