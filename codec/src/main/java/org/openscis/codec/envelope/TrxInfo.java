package org.openscis.codec.envelope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openscis.codec.mask.Masking;

/**
 * An immutable JSON object as carried in {@code trxInfo} (and nested objects inside it). Member order is kept as
 * received. Values are {@link String}, {@link java.math.BigDecimal} (JSON numbers), {@link Boolean}, {@code null},
 * {@link List} of values, or nested {@code TrxInfo}.
 *
 * <p>{@link #toString()} masks card data so that an accidental log line never leaks a PAN (see {@link Masking}).
 */
public final class TrxInfo {

    public static final TrxInfo EMPTY = new TrxInfo(Collections.emptyMap());

    private final Map<String, Object> members;

    private TrxInfo(Map<String, Object> members) {
        this.members = members;
    }

    /** Wraps an already-built map; the caller must not change it afterwards. */
    public static TrxInfo wrap(LinkedHashMap<String, Object> members) {
        return new TrxInfo(Collections.unmodifiableMap(members));
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    public Object get(String name) {
        return members.get(name);
    }

    /** The member as a string if it is one, else null (absent, or another JSON type). */
    public String string(String name) {
        Object v = members.get(name);
        return v instanceof String s ? s : null;
    }

    /** The member as a nested object if it is one, else null. */
    public TrxInfo object(String name) {
        Object v = members.get(name);
        return v instanceof TrxInfo t ? t : null;
    }

    /** The member as an array if it is one, else null. */
    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        Object v = members.get(name);
        return v instanceof List<?> l ? (List<Object>) l : null;
    }

    public Set<String> names() {
        return members.keySet();
    }

    public Map<String, Object> asMap() {
        return members;
    }

    public int size() {
        return members.size();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** A builder starting with this object's members, for responses that add to or override a request's. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.members.putAll(members);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrxInfo t && t.members.equals(members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : members.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            // Names come from clients too; a PAN sent as a member name must not reach a log either.
            sb.append(Masking.digits(e.getKey())).append('=').append(Masking.maskValue(e.getKey(), e.getValue()));
        }
        return sb.append('}').toString();
    }

    /** Builds a {@link TrxInfo}; {@code put} with a null value is ignored so optional fields stay absent. */
    public static final class Builder {
        private final LinkedHashMap<String, Object> members = new LinkedHashMap<>();

        public Builder put(String name, Object value) {
            if (value != null) {
                // Not List.copyOf: JSON arrays may hold nulls.
                members.put(name,
                        value instanceof List<?> l ? Collections.unmodifiableList(new ArrayList<>(l)) : value);
            }
            return this;
        }

        public Builder putNull(String name) {
            members.put(name, null);
            return this;
        }

        public Builder remove(String name) {
            members.remove(name);
            return this;
        }

        public TrxInfo build() {
            return members.isEmpty() ? EMPTY : wrap(new LinkedHashMap<>(members));
        }
    }
}
