package org.openscis.server.client.qr;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Any text a QR code can hold comes back unchanged from its PNG; any bytes read as an image give a value. */
class QrImagesProperties {

    /** Drawing and finding a symbol costs tens of milliseconds, so few tries. */
    @Property(tries = 40)
    void anyTextRoundTrips(@ForAll @StringLength(min = 1, max = 200) String text) {
        QrImages.Rendered rendered = QrImages.png(text, 200);

        if (rendered instanceof QrImages.Rendered.Png png) {
            assertThat(QrImages.read(png.bytes())).isEqualTo(new QrImages.Read.Text(text));
        } else {
            // only a lone surrogate has no UTF-8 form
            assertThat(text.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF)).isTrue();
            assertThat(((QrImages.Rendered.Refused) rendered).reason()).contains("lone surrogate");
        }
    }

    @Property(tries = 200)
    void randomBytesAreNeverAnException(@ForAll byte[] bytes) {
        assertThat(QrImages.read(bytes)).isNotNull();
    }
}
