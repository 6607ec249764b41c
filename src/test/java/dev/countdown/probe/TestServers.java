package dev.countdown.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** Local counterparts the probes' tests talk to, all on 127.0.0.1. */
final class TestServers {

    private TestServers() {
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port on 127.0.0.1 nothing listens on: it was bound a moment ago and released. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts connections and never says a word: what a hung server looks like to a client. */
    static final class BlackHole implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        BlackHole() throws IOException {
            server = new ServerSocket(0, 200, loopback());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** Completes TLS handshakes with the certificate it was given, then hangs up. */
    static final class TlsServer implements AutoCloseable {
        private final SSLServerSocket server;

        TlsServer(SSLContext context) throws IOException {
            server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            server.bind(new InetSocketAddress(loopback(), 0), 50);
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket accepted = server.accept();
                        Thread.ofVirtual().start(() -> handshake((SSLSocket) accepted));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private static void handshake(SSLSocket socket) {
            try (socket) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                // the client closes first; reading waits for that
                socket.getInputStream().read();
            } catch (IOException e) {
                // a client refusing the certificate ends the handshake here: that is the test
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
