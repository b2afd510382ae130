package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

/** A port that cannot be had is told in one line naming the option, by the early check and by the start alike. */
class ListenTest {
    @Test
    void aBusyPortIsToldNamingThePortAndTheOption() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = held.getLocalPort();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Listen.requireFree("127.0.0.1", port));
            assertEquals("port " + port + " is already in use on 127.0.0.1 (another server, or another cyborg, listens"
                    + " there): stop it, or choose another --port (0 picks a free one)", e.getMessage());
        }
    }

    /** The start itself may lose the port after the early check: Javalin's bind exception is told the same way. */
    @Test
    void javalinsBindExceptionIsToldAsTheEarlyCheckTellsIt() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = held.getLocalPort();
            Javalin app = Javalin.create(cfg -> cfg.startup.showJavalinBanner = false);
            try {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> Listen.start(app, "127.0.0.1", port));
                IllegalStateException early = assertThrows(IllegalStateException.class,
                        () -> Listen.requireFree("127.0.0.1", port));
                assertEquals(early.getMessage(), e.getMessage());
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void aHostNotOfThisMachineNamesTheHostOption() {
        // 192.0.2.0/24 is TEST-NET-1, for documentation: no machine has it
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Listen.requireFree("192.0.2.1", 0));
        assertTrue(e.getMessage().startsWith("cannot listen on 192.0.2.1:0: --host 192.0.2.1 is not a name or address"
                + " of this machine"), e.getMessage());
    }

    @Test
    void aPortOutOfRangeNamesTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Listen.requirePort(65536));
        assertEquals("--port must be 0..65535 (0 picks a free port), got 65536", e.getMessage());
    }
}
