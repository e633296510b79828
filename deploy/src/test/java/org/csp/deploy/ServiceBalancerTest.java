package org.csp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.csp.infrastructure.Ports;
import org.junit.jupiter.api.Test;

class ServiceBalancerTest {

    /** An instance that answers each connection with its name and what it was sent, then closes it. */
    private static ServerSocket instance(String name) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    byte[] request = new byte[5];
                    socket.getInputStream().readNBytes(request, 0, 5);
                    socket.getOutputStream()
                            .write((name + ":" + new String(request, StandardCharsets.US_ASCII))
                                    .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed
                }
            }
        });
        return server;
    }

    private static String call(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void connectionsAreSpreadInTurnAndAnInstanceThatRefusesIsPassedOver() throws IOException {
        ServerSocket first = instance("first");
        ServerSocket second = instance("second");
        // ports nothing listens on, as a killed pod's: connections to them are refused
        int gone = Ports.free();
        int alsoGone = Ports.free();
        int both = Ports.free();
        int oneGone = Ports.free();
        int none = Ports.free();
        try (ServiceBalancer balancer =
                        ServiceBalancer.start("both", both, List.of(first.getLocalPort(), second.getLocalPort()));
                ServiceBalancer withOneGone =
                        ServiceBalancer.start("one-gone", oneGone, List.of(gone, first.getLocalPort()));
                ServiceBalancer withNone = ServiceBalancer.start("none", none, List.of(gone, alsoGone))) {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(call(both));
            }
            assertEquals(List.of("first:hello", "second:hello", "first:hello", "second:hello"), answers);

            for (int i = 0; i < 3; i++) {
                assertEquals("first:hello", call(oneGone));
            }

            assertTrue(call(none).isEmpty(), "no instance takes it: the connection is closed");
        } finally {
            first.close();
            second.close();
        }
    }
}
