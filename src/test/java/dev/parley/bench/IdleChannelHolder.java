package dev.parley.bench;

import dev.parley.bench.BenchAuth.Credentials;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of the idle-channel measurement, run by {@link ServerBench} as a separate JVM so
 * that the server's JVM holds only the server's half of the connections (one process may not have
 * enough file descriptors for both halves of 10,000 connections) and its heap holds only the
 * server.
 *
 * <p>Arguments: {@code HOST PORT COUNT MAX_CONNECTING}. Standard input: one {@code SID SAPISID}
 * line per account, then {@code end}; channel {@code i} uses account {@code i % accounts}. Prints
 * {@code progress E F} while opening and {@code held E F} when every channel is established (E) or
 * failed (F); then answers each {@code status} line with {@code status E F LOST REOPENED} and exits
 * on {@code quit} or end of input.
 */
public final class IdleChannelHolder {
  private IdleChannelHolder() {}

  public static void main(String[] args) throws Exception {
    InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
    int count = Integer.parseInt(args[2]);
    int maxConnecting = Integer.parseInt(args[3]);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<Credentials> accounts = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null && !line.equals("end")) {
      String[] parts = line.split(" ");
      accounts.add(Credentials.of("?", parts[0], parts[1]));
    }
    try (ChannelSwarm swarm =
        new ChannelSwarm(server, maxConnecting, new ChannelSwarm.Listener() {})) {
      for (int i = 0; i < count; i++) {
        swarm.open(i, accounts.get(i % accounts.size()), null);
      }
      long lastReport = 0;
      while (swarm.established() + swarm.failedBeforeEstablished() < count) {
        long now = System.nanoTime();
        if (now - lastReport > 1_000_000_000L) {
          out.println("progress " + swarm.established() + " " + swarm.failedBeforeEstablished());
          lastReport = now;
        }
        Thread.sleep(20);
      }
      out.println("held " + swarm.established() + " " + swarm.failedBeforeEstablished());
      swarm.failureReasons().forEach((reason, n) -> System.err.println(n + " x " + reason));
      while ((line = in.readLine()) != null && !line.equals("quit")) {
        if (line.equals("status")) {
          out.println(
              "status "
                  + swarm.established()
                  + " "
                  + swarm.failedBeforeEstablished()
                  + " "
                  + swarm.failedAfterEstablished()
                  + " "
                  + swarm.longPollsReopened());
          swarm.failureReasons().forEach((reason, n) -> System.err.println(n + " x " + reason));
        }
      }
    }
  }
}
