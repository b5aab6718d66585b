package org.openscis.server.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.openscis.codec.mask.Masking;

/**
 * {@code %maskedMsg}: the log message with every run of 13 to 19 digits masked to first 4 + ******** + last 4. Code
 * never logs card data on purpose; this is the second line of defence for a value that slipped into a message or an
 * exception text (PCI DSS 3.4: PANs unreadable wherever they are stored, logs included).
 */
public final class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masking.digits(super.convert(event));
    }
}
