package org.openscis.codec.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Decoding never throws, whatever the bytes; encoding and decoding are inverse on everything decode accepts. */
class EnvelopeCodecProperties {

    private static final int MAX_GENERATED_DEPTH = 3;
    private static final List<byte[]> MINIFIED_EXAMPLES =
            Examples.ALL.stream().map(name -> Examples.minified(Examples.bytes(name))).toList();

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Property(tries = 500)
    void randomBytesDecodeToAResult(@ForAll byte[] body) {
        DecodeResult result = codec.decode(body);

        assertThat(result).isNotNull();
        if (result instanceof DecodeResult.Unreadable u) {
            assertThat(u.reason()).isNotBlank().hasSizeLessThan(80);
        }
    }

    @Property(tries = 600)
    void mutatedExamplesDecodeToAResultAndReEncodeStably(@ForAll("mutatedExamples") byte[] body) {
        DecodeResult result = codec.decode(body);

        assertThat(result).isNotNull();
        if (result instanceof DecodeResult.Ok ok) {
            byte[] once = codec.encode(ok.envelope());
            Envelope again = Examples.decodeOk(once);
            assertThat(again).isEqualTo(ok.envelope());
            assertThat(codec.encode(again)).isEqualTo(once);
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void decodeOfEncodeIsIdentity(@ForAll("envelopes") Envelope envelope) {
        byte[] encoded = codec.encode(envelope);

        assertThat(codec.decode(encoded)).isEqualTo(new DecodeResult.Ok(envelope));
    }

    @Property(tries = 300)
    void fingerprintIgnoresMemberOrder(@ForAll("objects") TrxInfo object, @ForAll long seed) {
        TrxInfo shuffled = shuffle(object, new java.util.Random(seed));

        assertThat(EnvelopeCodec.fingerprint("T", shuffled)).isEqualTo(EnvelopeCodec.fingerprint("T", object));
    }

    @Property(tries = 300)
    void decodeObjectOfEncodeObjectIsIdentity(@ForAll("objects") TrxInfo object) {
        assertThat(codec.decodeObject(codec.encodeObject(object))).isEqualTo(object);
    }

    @Provide
    Arbitrary<byte[]> mutatedExamples() {
        Arbitrary<byte[]> examples = Arbitraries.of(MINIFIED_EXAMPLES);
        Arbitrary<List<Tuple.Tuple3<Integer, Integer, Byte>>> edits = Combinators.combine(
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2_000),
                Arbitraries.of((byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) '"', (byte) ',', (byte) ':',
                        (byte) '\\', (byte) 0, (byte) 0xc3, (byte) 0xff, (byte) 'a', (byte) '1', (byte) ' '))
                .as(Tuple::of).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(examples, edits).as(EnvelopeCodecProperties::mutate);
    }

    private static byte[] mutate(byte[] original, List<Tuple.Tuple3<Integer, Integer, Byte>> edits) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : original) {
            bytes.add(b);
        }
        for (Tuple.Tuple3<Integer, Integer, Byte> edit : edits) {
            int at = bytes.isEmpty() ? 0 : edit.get2() % bytes.size();
            switch (edit.get1()) {
                case 0 -> bytes.add(at, edit.get3());
                case 1 -> {
                    if (!bytes.isEmpty()) {
                        bytes.remove(at);
                    }
                }
                default -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, edit.get3());
                    }
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    @Provide
    Arbitrary<Envelope> envelopes() {
        Arbitrary<String> field = text().injectNull(0.2);
        Arbitrary<MsgInfo> msgInfo = Combinators.combine(field, field, field, field, field).as(MsgInfo::new);
        Arbitrary<MsgResponse> msgResponse = Combinators.combine(field, field).as(MsgResponse::new).injectNull(0.5);
        return Combinators.combine(msgInfo, objects().injectNull(0.3), msgResponse).as(Envelope::new);
    }

    @Provide
    Arbitrary<TrxInfo> objects() {
        return object(MAX_GENERATED_DEPTH);
    }

    private Arbitrary<TrxInfo> object(int depth) {
        // A later member with the same name replaces the earlier one, as a JSON object cannot hold both.
        return Combinators.combine(memberName(), value(depth)).as(Tuple::of).list().ofMaxSize(5).map(members -> {
            TrxInfo.Builder b = TrxInfo.builder();
            for (Tuple.Tuple2<String, Object> member : members) {
                if (member.get2() == null) {
                    b.putNull(member.get1());
                } else {
                    b.put(member.get1(), member.get2());
                }
            }
            return b.build();
        });
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                text().map(Object.class::cast),
                number().map(Object.class::cast),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(Object.class::cast),
                Arbitraries.just(null));
        if (depth <= 1) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar),
                Tuple.of(1, Arbitraries.lazy(() -> object(depth - 1)).map(Object.class::cast)),
                Tuple.of(1, Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(3)
                        .map(l -> (Object) new ArrayList<>(l))));
    }

    private static Arbitrary<String> memberName() {
        // "DiscountDetails" is read as "discountDetails", so it cannot survive a round trip under its own name.
        return text().filter(s -> !s.equals("DiscountDetails"));
    }

    /** Any well-formed UTF-16: BMP characters outside the surrogate block, and supplementary characters. */
    private static Arbitrary<String> text() {
        Arbitrary<String> bmp = Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\ufffd')
                .ofMaxLength(12);
        Arbitrary<String> supplementary = Arbitraries.integers().between(0x10000, 0x10ffff)
                .map(cp -> new String(Character.toChars(cp)));
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(20);
        return Arbitraries.oneOf(ascii, bmp, Combinators.combine(bmp, supplementary, bmp).as((a, s, c) -> a + s + c));
    }

    private static Arbitrary<BigDecimal> number() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers().between(
                BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-12, 12)).as(BigDecimal::new);
    }

    private static TrxInfo shuffle(TrxInfo object, java.util.Random random) {
        List<String> names = new ArrayList<>(object.names());
        java.util.Collections.shuffle(names, random);
        TrxInfo.Builder b = TrxInfo.builder();
        for (String name : names) {
            Object v = object.get(name);
            if (v == null) {
                b.putNull(name);
            } else if (v instanceof TrxInfo t) {
                b.put(name, shuffle(t, random));
            } else if (v instanceof List<?> l) {
                b.put(name, Arrays.asList(l.stream().map(e -> e instanceof TrxInfo t ? shuffle(t, random) : e)
                        .toArray()));
            } else {
                b.put(name, v);
            }
        }
        return b.build();
    }
}
