package org.openscis.router.money;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The daily cut-off window of a card product (decisions.md §5, code 90), read in the product's zone. The start is
 * inclusive and the end exclusive; an end before the start means the window crosses midnight (e.g. 23:30-00:30). A
 * window without a start or an end, or with start = end, is empty: a window that closed the product all day would
 * be a configuration mistake, not a cut-off.
 */
public record CutOffWindow(LocalTime start, LocalTime end, ZoneId zone) {

    public boolean contains(Instant at) {
        if (start == null || end == null || start.equals(end)) {
            return false;
        }
        LocalTime local = at.atZone(zone).toLocalTime();
        if (start.isBefore(end)) {
            return !local.isBefore(start) && local.isBefore(end);
        }
        return !local.isBefore(start) || local.isBefore(end);
    }
}
