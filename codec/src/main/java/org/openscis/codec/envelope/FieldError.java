package org.openscis.codec.envelope;

/** Why a field failed validation; {@link #toString()} is the client-facing reason (never contains the value). */
public record FieldError(String field, String reason) {
    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
