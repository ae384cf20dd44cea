package dev.parley.bench;

import dev.parley.proto.Hangouts.BatchUpdate;
import dev.parley.wire.Pblite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes the pblite BatchUpdate in a file (a {@code ["cbu", ...]} array) over and over on one
 * thread and prints the throughput: {@code pblite_decode: <MB/s> MB/s}, counting the file's UTF-8
 * bytes.
 */
public final class PbliteBench {
  private PbliteBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: PbliteBench FILE [SECONDS]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    byte[] bytes = Files.readAllBytes(file);
    String json = new String(bytes, StandardCharsets.UTF_8);

    BatchUpdate first = Pblite.decode(json, BatchUpdate.getDefaultInstance(), true);
    long sink = first.getStateUpdateCount();

    // Warm up for a third of the time, then measure whole decodes for the rest.
    long warmupEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
    while (System.nanoTime() < warmupEnd) {
      sink += Pblite.decode(json, BatchUpdate.getDefaultInstance(), true).getStateUpdateCount();
    }
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long decodes = 0;
    long now;
    do {
      sink += Pblite.decode(json, BatchUpdate.getDefaultInstance(), true).getStateUpdateCount();
      decodes++;
      now = System.nanoTime();
    } while (now < end);
    double elapsed = (now - start) / 1e9;
    double megabytesPerSecond = bytes.length * (double) decodes / elapsed / 1e6;
    System.out.printf("pblite_input: %.2f MB%n", bytes.length / 1e6);
    System.out.printf("pblite_state_updates: %d updates%n", first.getStateUpdateCount());
    System.out.printf("pblite_decode_time: %.3f ms%n", elapsed * 1000 / decodes);
    System.out.printf("pblite_decode: %.1f MB/s%n", megabytesPerSecond);
    if (sink == 42) {
      System.out.println(); // keeps the JIT from discarding the decodes
    }
  }
}
