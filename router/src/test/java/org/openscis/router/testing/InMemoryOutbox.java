package org.openscis.router.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openscis.router.MessageType;
import org.openscis.router.port.Notification;
import org.openscis.router.port.Outbox;

/** Callbacks in a list, in the order they were stored, with the time they were stored at. */
public final class InMemoryOutbox implements Outbox {

    /** One stored callback. */
    public record Entry(Notification notification, Instant storedAt) {}

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void enqueue(Notification notification, Instant now) {
        entries.add(new Entry(notification, now));
    }

    /** Several callbacks at once, as a state change stores them. */
    public synchronized void enqueueAll(List<Notification> notifications, Instant now) {
        notifications.forEach(n -> entries.add(new Entry(n, now)));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<Notification> notifications() {
        return entries.stream().map(Entry::notification).toList();
    }

    public synchronized List<Notification> ofType(MessageType type) {
        return entries.stream().map(Entry::notification).filter(n -> n.type() == type).toList();
    }

    public synchronized List<Notification> to(String recipientInsId) {
        return entries.stream().map(Entry::notification).filter(n -> n.recipientInsId().equals(recipientInsId))
                .toList();
    }
}
