package org.openscis.router;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** One handler per message type. */
public final class HandlerRegistry {

    private final Map<MessageType, Handler> handlers = new EnumMap<>(MessageType.class);

    public HandlerRegistry register(Handler handler) {
        Handler previous = handlers.putIfAbsent(handler.type(), handler);
        if (previous != null) {
            throw new IllegalStateException("two handlers for " + handler.type());
        }
        return this;
    }

    public Optional<Handler> find(MessageType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    public Collection<MessageType> types() {
        return Collections.unmodifiableSet(handlers.keySet());
    }
}
