package org.openscis.codec.envelope;

/** Character classes of the SCIS field tables: N (digits), AN (letters and digits), ANS (printable ASCII), S (any text). */
public enum CharClass {
    N, AN, ANS, S;

    public boolean accepts(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = switch (this) {
                case N -> c >= '0' && c <= '9';
                case AN -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
                case ANS -> c >= 0x20 && c <= 0x7e;
                case S -> !Character.isISOControl(c);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
