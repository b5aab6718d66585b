package org.openscis.server.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.openscis.codec.mask.Masking;

/** {@code %maskedEx}: stack traces (logs only, never clients) with long digit runs masked like {@code %maskedMsg}. */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return Masking.digits(super.throwableProxyToString(tp));
    }
}
