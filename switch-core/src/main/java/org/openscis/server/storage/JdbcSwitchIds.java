package org.openscis.server.storage;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;
import org.openscis.router.port.SwitchIds;

/**
 * {@link SwitchIds} over the database's shared counters ({@link SequenceAllocator}): every counter value is handed
 * out once across threads, restarts and nodes, and each identifier is an injective function of one value.
 *
 * <ul>
 *   <li>{@code cbsMsgId} = {@code U} + IIN (8) + {@code yyyyMMddHHmmss} (UTC, of the given instant) + STAN (6), the
 *       STAN being counter {@code stan-<iin>} mod 1,000,000, zero padded. Two CBS msgIDs of one issuer can only be
 *       equal if they carry the same second and counter values a multiple of 1,000,000 apart. Values used in one
 *       second come from blocks at most {@link SequenceAllocator#TIMED_ID_MAX_BLOCK_AGE} old, so that takes about
 *       a million CBS calls per issuer within the span of a second, a block's age, the callers' lag between the
 *       instant they pass and the call, and the nodes' clock skew: far beyond any issuer's load.</li>
 *   <li>{@code referNo} = IIN (8) + counter {@code refer-<iin>} zero padded to 12 digits: 20 digits, unique across
 *       issuers too (KYC records are keyed by referNo alone).</li>
 *   <li>{@code retrievalRefNum} = counter {@code rrn} mod 10<sup>12</sup>, 12 digits: unique within 10<sup>12</sup>
 *       consecutive values.</li>
 *   <li>{@code voucherNo} = counter {@code voucher} zero padded to 20 digits: unique.</li>
 *   <li>{@code cashOutToken} (18 digits) = 10 random digits (a {@link SecureRandom}; the first is 1-9 so the token
 *       never starts with 0) followed by 8 digits made from counter {@code cashout}: its value mod 10<sup>8</sup>
 *       multiplied by {@value #CASH_OUT_SCRAMBLE} mod 10<sup>8</sup>. The multiplier is prime to 10, so the
 *       multiplication is a bijection: the 8 digits differ for any 10<sup>8</sup> consecutive tokens (never the same
 *       token twice within that cycle, whatever the random part) while not showing a running count. The random part
 *       makes a token unguessable from its neighbours: about 33 bits, one chance in 9&times;10<sup>9</sup> per
 *       guess.</li>
 * </ul>
 */
public final class JdbcSwitchIds implements SwitchIds {

    static final long STAN_MODULUS = 1_000_000L;
    static final int REFER_COUNTER_DIGITS = 12;
    static final long REFER_COUNTER_LIMIT = 1_000_000_000_000L;
    static final long RRN_MODULUS = 1_000_000_000_000L;
    static final long CASH_OUT_COUNTER_MODULUS = 100_000_000L;
    /** Odd and not a multiple of 5: invertible modulo 10^8. Values below 10^8 times it stay within a long. */
    static final long CASH_OUT_SCRAMBLE = 73_939_133L;
    /** The random digits after the first (which is 1-9). */
    private static final int CASH_OUT_RANDOM_TAIL = 1_000_000_000;

    private static final Pattern IIN = Pattern.compile("\\d{8}");
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final SequenceAllocator sequences;
    private final SecureRandom random = new SecureRandom();

    /** Over its own allocator on {@code db}, with the block age STANs need measured on {@code clock}. */
    public JdbcSwitchIds(Database db, Clock clock) {
        this(new SequenceAllocator(db, SequenceAllocator.DEFAULT_BLOCK_SIZE,
                SequenceAllocator.TIMED_ID_MAX_BLOCK_AGE, clock));
    }

    /**
     * Over a (possibly shared) allocator.
     *
     * @throws IllegalArgumentException if its blocks may be older than {@link SequenceAllocator#TIMED_ID_MAX_BLOCK_AGE}
     *     (a stale block could repeat a STAN within one second)
     */
    public JdbcSwitchIds(SequenceAllocator sequences) {
        this.sequences = Objects.requireNonNull(sequences, "sequences");
        Duration age = sequences.maxBlockAge().orElse(null);
        if (age == null || age.compareTo(SequenceAllocator.TIMED_ID_MAX_BLOCK_AGE) > 0) {
            throw new IllegalArgumentException("CBS msgIDs need an allocator whose blocks expire within "
                    + SequenceAllocator.TIMED_ID_MAX_BLOCK_AGE + ", not " + sequences);
        }
    }

    /** @throws IllegalArgumentException if {@code issuerIin} is not 8 digits (configuration guarantees it is) */
    @Override
    public String cbsMsgId(String issuerIin, Instant now) {
        checkIin(issuerIin);
        long stan = sequences.next("stan-" + issuerIin) % STAN_MODULUS;
        return "U" + issuerIin + SECOND.format(now) + pad(stan, 6);
    }

    /**
     * @throws IllegalArgumentException if {@code issuerIin} is not 8 digits
     * @throws IllegalStateException after 10<sup>12</sup> referNos of one issuer
     */
    @Override
    public String referNo(String issuerIin) {
        checkIin(issuerIin);
        long value = sequences.next("refer-" + issuerIin);
        if (value >= REFER_COUNTER_LIMIT) {
            throw new IllegalStateException("referNo counter of issuer " + issuerIin + " is exhausted");
        }
        return issuerIin + pad(value, REFER_COUNTER_DIGITS);
    }

    @Override
    public String cashOutToken() {
        long counter = sequences.next("cashout") % CASH_OUT_COUNTER_MODULUS;
        long scrambled = counter * CASH_OUT_SCRAMBLE % CASH_OUT_COUNTER_MODULUS;
        int first = 1 + random.nextInt(9);
        int tail = random.nextInt(CASH_OUT_RANDOM_TAIL);
        return first + pad(tail, 9) + pad(scrambled, 8);
    }

    @Override
    public String retrievalRefNum() {
        return pad(sequences.next("rrn") % RRN_MODULUS, 12);
    }

    @Override
    public String voucherNo() {
        return pad(sequences.next("voucher"), 20);
    }

    private static void checkIin(String issuerIin) {
        if (issuerIin == null || !IIN.matcher(issuerIin).matches()) {
            throw new IllegalArgumentException("issuer IIN must be 8 digits");
        }
    }

    /** {@code value} (non-negative) in decimal, left-padded with zeros to at least {@code width} digits. */
    private static String pad(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    @Override
    public String toString() {
        return "JdbcSwitchIds[" + sequences + "]";
    }
}
