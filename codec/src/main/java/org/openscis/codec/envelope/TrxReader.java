package org.openscis.codec.envelope;

import java.util.List;

/**
 * Reads and validates fields of a {@link TrxInfo}, remembering the first failure so that a handler can read all its
 * fields and then check {@link #failed()} once. Reasons name the field and the rule, never the value.
 */
public final class TrxReader {

    private final TrxInfo trx;
    private final String prefix;
    private final FieldError[] firstError;

    public TrxReader(TrxInfo trx) {
        this(trx, "", new FieldError[1]);
    }

    private TrxReader(TrxInfo trx, String prefix, FieldError[] firstError) {
        this.trx = trx == null ? TrxInfo.EMPTY : trx;
        this.prefix = prefix;
        this.firstError = firstError;
    }

    public TrxInfo source() {
        return trx;
    }

    /** A mandatory string member of {@code min..max} characters in {@code cls}; null (and an error) otherwise. */
    public String required(String name, int min, int max, CharClass cls) {
        return read(name, min, max, cls, true);
    }

    /** An optional string member; null if absent, an error if present but malformed. */
    public String optional(String name, int min, int max, CharClass cls) {
        return read(name, min, max, cls, false);
    }

    /**
     * The one present name among {@code names} (spelling variants, e.g. cardFaceID / cardfaceID). Two spellings at
     * once are an error: which one wins would be a guess a peer may make differently, as with a duplicate member.
     */
    public String requiredAnyOf(int min, int max, CharClass cls, String... names) {
        String present = null;
        for (String n : names) {
            if (trx.has(n)) {
                if (present != null) {
                    fail(present, "must not also be given as " + n);
                    return null;
                }
                present = n;
            }
        }
        if (present == null) {
            fail(names[0], "is missing");
            return null;
        }
        return required(present, min, max, cls);
    }

    /** A mandatory value from a fixed set of words. */
    public String requiredOneOf(String name, List<String> allowed) {
        String v = required(name, 1, 50, CharClass.ANS);
        if (v != null && !allowed.contains(v)) {
            fail(name, "must be one of " + allowed);
            return null;
        }
        return v;
    }

    /** A mandatory nested object, read with its own reader that reports into this one. */
    public TrxReader requiredObject(String name) {
        Object v = trx.get(name);
        if (v == null) {
            fail(name, "is missing");
            return child(TrxInfo.EMPTY, name);
        }
        if (!(v instanceof TrxInfo t)) {
            fail(name, "must be an object");
            return child(TrxInfo.EMPTY, name);
        }
        return child(t, name);
    }

    /** An optional nested object; null if absent. */
    public TrxReader optionalObject(String name) {
        Object v = trx.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof TrxInfo t)) {
            fail(name, "must be an object");
            return null;
        }
        return child(t, name);
    }

    private TrxReader child(TrxInfo t, String name) {
        return new TrxReader(t, prefix + name + ".", firstError);
    }

    private String read(String name, int min, int max, CharClass cls, boolean mandatory) {
        Object v = trx.get(name);
        if (v == null) {
            if (mandatory) {
                fail(name, "is missing");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            fail(name, "must be a string");
            return null;
        }
        if (s.length() < min || s.length() > max) {
            fail(name, min == max ? "must be " + min + " characters" : "must be " + min + " to " + max + " characters");
            return null;
        }
        if (!cls.accepts(s)) {
            fail(name, "must be " + describe(cls));
            return null;
        }
        return s;
    }

    private static String describe(CharClass cls) {
        return switch (cls) {
            case N -> "digits";
            case AN -> "letters and digits";
            case ANS -> "printable ASCII";
            case S -> "text without control characters";
        };
    }

    /** Records a failure found by the caller's own rule. Only the first failure is kept. */
    public void fail(String name, String reason) {
        if (firstError[0] == null) {
            firstError[0] = new FieldError(prefix + name, reason);
        }
    }

    public boolean failed() {
        return firstError[0] != null;
    }

    public FieldError error() {
        return firstError[0];
    }
}
