package org.csp.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a Kubernetes Service does for the replicas of an application, on this machine: one address whose connections
 * are spread over the instances in turn, each connection held to the instance it reached (as kube-proxy does). An
 * instance that refuses connections (stopped, killed, not yet started) is passed over, as an endpoint that is not
 * ready is; when none takes it, the connection is closed. Bytes are copied both ways on virtual threads.
 */
final class ServiceBalancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final ServerSocket server;
    private final List<Integer> instances;
    private final AtomicInteger next = new AtomicInteger();

    private ServiceBalancer(ServerSocket server, List<Integer> instances) {
        this.server = server;
        this.instances = List.copyOf(instances);
    }

    /** Listens on 127.0.0.1:{@code port} and spreads its connections over the instances' ports. */
    static ServiceBalancer start(String name, int port, List<Integer> instances) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            ServiceBalancer balancer = new ServiceBalancer(server, instances);
            Thread.ofVirtual().name(name + "-service").start(balancer::accept);
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port + " for " + name, e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> forward(client));
            } catch (IOException e) {
                // closed: the stack is stopping
            }
        }
    }

    private void forward(Socket client) {
        Socket instance = connect();
        if (instance == null) {
            close(client);
            return;
        }
        Thread.ofVirtual().start(() -> copy(client, instance));
        copy(instance, client);
    }

    /** The next instance in turn that takes a connection, or null when none does. */
    private Socket connect() {
        int first = Math.floorMod(next.getAndIncrement(), instances.size());
        for (int i = 0; i < instances.size(); i++) {
            int port = instances.get((first + i) % instances.size());
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
                return socket;
            } catch (IOException refused) {
                close(socket);
            }
        }
        return null;
    }

    /** Copies until either side ends, then closes both (the other copy ends with them). */
    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed or reset: the connection is over
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
