package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

/** Which Host (and Origin) authorities the annotate API takes as its own. */
class OriginGuardTest {
    @Test
    void onLoopbackItsAddressesAndLocalhostAtItsPortOnly() {
        OriginGuard g = new OriginGuard("127.0.0.1", List.of());
        assertTrue(g.accepts("127.0.0.1:8080", 8080));
        assertTrue(g.accepts("LOCALHOST:8080", 8080));
        assertTrue(g.accepts("[::1]:8080", 8080));
        assertTrue(g.accepts("[0:0:0:0:0:0:0:1]:8080", 8080), "another spelling of ::1");
        assertFalse(g.accepts("127.0.0.1:8081", 8080), "another port: another origin");
        assertFalse(g.accepts("127.0.0.1", 8080), "no port means 80");
        assertTrue(g.accepts("localhost", 80));
        assertFalse(g.accepts("evil.example:8080", 8080));
        assertFalse(g.accepts("localhost.evil.example:8080", 8080));
        assertFalse(g.accepts("127.0.0.1:80x", 8080));
        assertFalse(g.accepts("[::1:8080", 8080));
    }

    @Test
    void onAnIpv6LoopbackItsAddressInAnySpelling() {
        OriginGuard g = new OriginGuard("::1", List.of());
        assertTrue(g.accepts("[::1]:8080", 8080));
        assertTrue(g.accepts("[0:0::1]:8080", 8080));
        assertTrue(g.accepts("localhost:8080", 8080));
        assertFalse(g.accepts("[::2]:8080", 8080));
    }

    @Test
    void allowedNamesMatchAnyPortOrTheGivenOne() {
        OriginGuard g = new OriginGuard("127.0.0.1", List.of("faces.example.org", "proxy.lan:8443"));
        assertTrue(g.accepts("faces.example.org", 8080));
        assertTrue(g.accepts("faces.example.org:443", 8080));
        assertTrue(g.accepts("proxy.lan:8443", 8080));
        assertFalse(g.accepts("proxy.lan:8444", 8080));
    }

    @Test
    void onEveryInterfaceThisMachinesNamesAreItsOwn() throws Exception {
        OriginGuard g = new OriginGuard("0.0.0.0", List.of());
        assertTrue(g.accepts("127.0.0.1:9000", 9000));
        assertTrue(g.accepts(InetAddress.getLocalHost().getHostName() + ":9000", 9000));
        assertFalse(g.accepts("evil.example:9000", 9000));
    }
}
