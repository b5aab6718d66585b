package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.router.port.UrlInquiry;
import org.openscis.router.port.UrlOrder;
import org.openscis.server.qr.JdbcUrlInquiries;

class JdbcUrlInquiriesTest extends StorageTestBase {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final UrlOrder FIXED = new UrlOrder("https://qr.95516.com/00010000/62000000000000000000000001",
            "25.00", "344", "10", null, "Demo Noodle House", "5812", "344", "Hong Kong", "999077", "ZH", "示範麵家",
            "香港", "T0000001", "25000344", "00020344", "500034470110001");
    private static final UrlOrder OPEN = new UrlOrder("https://qr.95516.com/00010000/62000000000000000000000002",
            null, "344", null, "1000.00", "Demo Corner Store", "5411", "344", null, null, null, null, null, null,
            "25000344", "00020344", "500034470110002");

    private JdbcUrlInquiries inquiries;

    @BeforeEach
    void setUp() {
        inquiries = new JdbcUrlInquiries(db());
        db().dsl().execute("DELETE FROM url_inquiries");
    }

    @Test
    void anInquiryIsFoundByItsParticipantAndMsgIdOnly() {
        UrlInquiry fixed = new UrlInquiry("39990157", "A3999015720260301101530000001", FIXED.url(), FIXED,
                "device-1", T0);
        UrlInquiry open = new UrlInquiry("39990157", "A3999015720260301101530000002", OPEN.url(), OPEN, null, T0);
        inquiries.record(fixed);
        inquiries.record(open);
        assertThat(inquiries.find("39990157", fixed.msgId())).contains(fixed);
        assertThat(inquiries.find("39990157", open.msgId())).contains(open);
        assertThat(inquiries.find("39990061", fixed.msgId())).as("another participant's").isEmpty();
        assertThat(inquiries.find("39990157", "A3999015720260301101530000003")).isEmpty();
    }

    @Test
    void recordingAgainKeepsTheFirstAndAnotherNodeSeesIt() {
        UrlInquiry first = new UrlInquiry("39990157", "A3999015720260301101530000004", FIXED.url(), FIXED, "d",
                T0);
        inquiries.record(first);
        inquiries.record(new UrlInquiry("39990157", first.msgId(), OPEN.url(), OPEN, "d", T0.plusSeconds(5)));
        JdbcUrlInquiries other = new JdbcUrlInquiries(testDb.openAnother());
        assertThat(other.find("39990157", first.msgId())).contains(first);
    }

    @Test
    void purgingRemovesOnlyOlderInquiries() {
        inquiries.record(new UrlInquiry("39990157", "old", FIXED.url(), FIXED, "d", T0));
        inquiries.record(new UrlInquiry("39990157", "new", FIXED.url(), FIXED, "d", T0.plusSeconds(60)));
        assertThat(inquiries.purgeBefore(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(inquiries.find("39990157", "old")).isEmpty();
        assertThat(inquiries.find("39990157", "new")).isPresent();
    }
}
