package org.openscis.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class MaskedConvertersTest {

    private static final String PAN = "6235100012345678";

    private String format(String message, Object arg, Throwable t) {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("maskedMsg", MaskedMessageConverter::new);
        layout.getInstanceConverterMap().put("maskedEx", MaskedThrowableConverter::new);
        layout.setPattern("%maskedMsg%n%maskedEx");
        layout.start();
        Logger logger = context.getLogger("x");
        return layout.doLayout(new LoggingEvent("x", logger, Level.ERROR, message, t, new Object[] {arg}));
    }

    @Test
    void panInAMessageArgumentIsMasked() {
        String line = format("card {} refused", PAN, null);
        assertThat(line).contains("6235********5678").doesNotContain(PAN);
    }

    @Test
    void panInAnExceptionIsMasked() {
        String line = format("failed", "x", new IllegalStateException("bad pan " + PAN));
        assertThat(line).contains("IllegalStateException").doesNotContain(PAN);
    }

    @Test
    void shortNumbersStay() {
        assertThat(format("msgID {}", "123456", null)).contains("123456");
    }
}
