package cn.hanzhong.rectification.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for the processes the tests start. Not port 0: the kernel hands those out of the ephemeral range
 * (32768–60999), which the eight JVMs' own outgoing connections (Kafka, PostgreSQL) draw from too, so a port
 * found free could be taken before the service bound it ("Port … seems to be in use"). These come from below
 * that range, each at most once per test JVM, and are checked free when handed out.
 */
final class Ports {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    private static final AtomicInteger NEXT = new AtomicInteger(FIRST + ThreadLocalRandom.current().nextInt(4_000));

    private Ports() {
    }

    static int free() throws IOException {
        for (int tries = 0; tries < LAST - FIRST; tries++) {
            int port = NEXT.getAndIncrement();
            if (port > LAST) {
                NEXT.set(FIRST);
                continue;
            }
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
                return port;
            } catch (IOException inUse) {
                // try the next one
            }
        }
        throw new IOException("no free port between " + FIRST + " and " + LAST);
    }
}
