package dev.parley.bench;

import com.google.protobuf.Message;
import dev.parley.bench.BenchAuth.Credentials;
import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.CreateConversationRequest;
import dev.parley.proto.Hangouts.CreateConversationResponse;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.RequestHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.channel.ChannelConfig;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.ChatMessages;
import dev.parley.wire.ChannelArray;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.RpcCodec;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Load test of an in-process Parley server over the real wire protocol on loopback. Prints one
 * {@code name: value unit} line per figure on standard output (progress goes to standard error).
 *
 * <ul>
 *   <li><b>idle</b>: opens {@code --idle} push channels (new session, subscription, one open long
 *       poll each) from a child JVM ({@link IdleChannelHolder}, one selector thread) and reports
 *       how many the server holds and its heap used after a GC.
 *   <li><b>throughput</b>: {@code --clients} signed-in clients in {@code --conversations} group
 *       conversations, each with an open channel (one selector thread here), send chat messages at
 *       {@code --rate} per second in total for {@code --seconds} (through {@link RpcSwarm}, a few
 *       keep-alive connections on one more selector thread; {@code --http-client-sender} sends
 *       through {@code java.net.http} as the bench used to, which costs the shared two cores more
 *       than the server does); reports the rate achieved and the time from the start of each
 *       sendchatmessage call to the arrival of its event_notification on every other participant's
 *       channel, and the deliveries that never arrived.
 * </ul>
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.parley.bench.ServerBench -Dexec.args="--quick"
 * options: --clients 1000 --conversations 100 --rate 500 --seconds 20 --idle 10000
 *          --warmup 5 --hold 25 --grace 10 --connecting 64 --rpc-connections 64
 *          --phases idle,throughput --quick --http-client-sender
 * </pre>
 */
public final class ServerBench {
  static final String PASSWORD = "bench password 123";
  private static final String MARK = "bench#";
  private static final int MAX_IN_FLIGHT = 5_000;

  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  private ServerBench() {}

  /** The knobs, with defaults that match the goals. */
  static final class Options {
    int clients = 1000;
    int conversations = 100;
    double rate = 500;
    double seconds = 20;
    int idle = 10_000;
    double warmup = 5;
    double hold = 25;
    double grace = 10;
    int connecting = 64;
    int rpcConnections = 64;

    /** Send with java.net.http.HttpClient, as the bench did before {@link RpcSwarm}. */
    boolean httpClientSender;

    boolean idlePhase = true;
    boolean throughputPhase = true;

    static Options parse(String[] args) {
      Options o = new Options();
      if (Arrays.asList(args).contains("--http-client-sender")) {
        o.httpClientSender = true;
      }
      if (Arrays.asList(args).contains("--quick")) {
        o.clients = 100;
        o.conversations = 10;
        o.rate = 100;
        o.seconds = 5;
        o.idle = 1000;
        o.warmup = 5;
        o.hold = 0;
        o.grace = 5;
      }
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--quick") || a.equals("--http-client-sender")) {
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + a);
        }
        String v = args[++i];
        switch (a) {
          case "--clients" -> o.clients = Integer.parseInt(v);
          case "--conversations" -> o.conversations = Integer.parseInt(v);
          case "--rate" -> o.rate = Double.parseDouble(v);
          case "--seconds" -> o.seconds = Double.parseDouble(v);
          case "--idle" -> o.idle = Integer.parseInt(v);
          case "--warmup" -> o.warmup = Double.parseDouble(v);
          case "--hold" -> o.hold = Double.parseDouble(v);
          case "--grace" -> o.grace = Double.parseDouble(v);
          case "--connecting" -> o.connecting = Integer.parseInt(v);
          case "--rpc-connections" -> o.rpcConnections = Integer.parseInt(v);
          case "--phases" -> {
            List<String> phases = Arrays.asList(v.split(","));
            o.idlePhase = phases.contains("idle");
            o.throughputPhase = phases.contains("throughput");
          }
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (o.conversations < 1 || o.clients < 2 * o.conversations) {
        throw new IllegalArgumentException("need at least two clients per conversation");
      }
      return o;
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    int groupSize = o.clients / o.conversations;
    int clients = groupSize * o.conversations;
    int accounts = Math.max(o.throughputPhase ? clients : 1, ceilDiv(o.idlePhase ? o.idle : 0, 10));
    int idlePerAccount = ceilDiv(o.idlePhase ? o.idle : 0, accounts);
    Path dir = Files.createTempDirectory("parley-bench");
    ServerConfig config =
        ServerConfig.defaults(dir)
            .withPort(0)
            .withPasswordParams(new PasswordHasher.Params(1024, 1, 1))
            .withChannel(
                ChannelConfig.defaults()
                    .withSessionLimits(Math.max(20, idlePerAccount + 5), 1_000_000));
    print(
        "load_average_at_start",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        "(1 min, whole machine)");
    log(
        "cpus %d, load average %.2f",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    ParleyServer server = ParleyServer.start(config);
    ExecutorService pool = Executors.newFixedThreadPool(4, daemon("bench-worker"));
    try {
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
      long t0 = System.nanoTime();
      List<Credentials> signedIn = createAndSignIn(server, address, accounts, pool);
      print("accounts", accounts, "accounts");
      print("signin_time", seconds(System.nanoTime() - t0), "s");
      if (o.idlePhase) {
        idlePhase(o, address, signedIn);
      }
      if (o.throughputPhase) {
        throughputPhase(o, server, address, signedIn.subList(0, clients), groupSize, pool);
      }
    } finally {
      pool.shutdownNow();
      server.close();
      deleteRecursively(dir);
    }
  }

  // ---- setup ----

  private static List<Credentials> createAndSignIn(
      ParleyServer server, InetSocketAddress address, int count, ExecutorService pool)
      throws Exception {
    List<Future<Credentials>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      futures.add(
          pool.submit(
              () -> {
                String email = "bench" + n + "@example.org";
                Account account =
                    server
                        .accounts()
                        .create(email, "Bench User " + n, PASSWORD.toCharArray(), false);
                return BenchAuth.signIn(
                    address, BenchAuth.sourceAddress(n), account.id(), email, PASSWORD);
              }));
    }
    List<Credentials> all = new ArrayList<>(count);
    for (Future<Credentials> f : futures) {
      all.add(f.get(120, TimeUnit.SECONDS));
    }
    return all;
  }

  // ---- idle channels ----

  private static void idlePhase(Options o, InetSocketAddress address, List<Credentials> accounts)
      throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = heapUsedAfterGc(memory);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(classPath());
    command.add(IdleChannelHolder.class.getName());
    command.add(address.getHostString());
    command.add(Integer.toString(address.getPort()));
    command.add(Integer.toString(o.idle));
    command.add(Integer.toString(o.connecting));
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader =
          daemon("idle-holder-output")
              .newThread(
                  () -> {
                    try (BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(
                                child.getInputStream(), StandardCharsets.UTF_8))) {
                      String line;
                      while ((line = in.readLine()) != null) {
                        lines.add(line);
                      }
                    } catch (IOException e) {
                      lines.add("error " + e);
                    }
                    lines.add("eof");
                  });
      reader.start();
      Writer toChild = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
      for (Credentials c : accounts) {
        toChild.write(c.sid() + " " + c.sapisid() + "\n");
      }
      toChild.write("end\n");
      toChild.flush();
      long start = System.nanoTime();
      long deadline = start + TimeUnit.SECONDS.toNanos(Math.max(120, o.idle / 50));
      String held = null;
      while (held == null) {
        String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null || line.equals("eof") || line.startsWith("error")) {
          throw new IllegalStateException("idle channel holder: " + line);
        }
        if (line.startsWith("held ")) {
          held = line;
        } else {
          log("idle channels: %s", line);
        }
      }
      double setup = seconds(System.nanoTime() - start);
      String[] parts = held.split(" ");
      int established = Integer.parseInt(parts[1]);
      int failed = Integer.parseInt(parts[2]);
      long used = heapUsedAfterGc(memory);
      print("idle_channels", established, "channels");
      print("idle_channels_failed", failed, "channels");
      print("idle_setup_time", setup, "s");
      print("idle_heap_baseline", mib(baseline), "MiB");
      print("idle_heap_used", mib(used), "MiB");
      print("idle_heap_per_channel", (used - baseline) / 1024.0 / Math.max(1, established), "KiB");
      print("idle_heap_max", mib(memory.getHeapMemoryUsage().getMax()), "MiB");
      if (o.hold > 0) {
        long until = System.nanoTime() + (long) (o.hold * 1e9);
        log("holding the idle channels for %.0f s", o.hold);
        while (System.nanoTime() < until) {
          LockSupport.parkNanos(until - System.nanoTime());
        }
        toChild.write("status\n");
        toChild.flush();
        String status = lines.poll(30, TimeUnit.SECONDS);
        if (status == null || !status.startsWith("status ")) {
          throw new IllegalStateException("idle channel holder status: " + status);
        }
        String[] s = status.split(" ");
        int lost = Integer.parseInt(s[3]);
        print("idle_hold_time", o.hold, "s");
        print("idle_channels_after_hold", Integer.parseInt(s[1]) - lost, "channels");
        print("idle_heap_used_after_hold", mib(heapUsedAfterGc(memory)), "MiB");
      }
      toChild.write("quit\n");
      toChild.flush();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        log("idle channel holder did not quit; killing it");
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private static long heapUsedAfterGc(MemoryMXBean memory) {
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** The class path this class was loaded from, for the child JVM (exec:java or plain java). */
  private static String classPath() throws URISyntaxException {
    ClassLoader loader = ServerBench.class.getClassLoader();
    if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
      List<String> entries = new ArrayList<>();
      for (URL url : urls.getURLs()) {
        entries.add(Path.of(url.toURI()).toString());
      }
      return String.join(File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }

  // ---- throughput and push latency ----

  /** Everything the channel listener records, written on the swarm's selector thread. */
  private static final class Deliveries implements ChannelSwarm.Listener {
    final int clients;
    final int groupSize;
    final int warmupCount;
    final AtomicLongArray sendStart;
    final BitSet seen;
    final int[] delivered;
    final long[] latencies;
    int latencyCount;
    final AtomicLong measuredDelivered = new AtomicLong();
    final AtomicLong selfEchoes = new AtomicLong();
    long duplicates;
    long misdelivered;
    long undecodable;
    long payloadsScanned;
    long verified;

    Deliveries(int clients, int groupSize, int warmupCount, int total) {
      this.clients = clients;
      this.groupSize = groupSize;
      this.warmupCount = warmupCount;
      this.sendStart = new AtomicLongArray(total);
      this.seen = new BitSet(total * groupSize);
      this.delivered = new int[total];
      this.latencies = new long[Math.max(0, total - warmupCount) * (groupSize - 1)];
    }

    @Override
    public void payload(int tag, String payload, long arrivalNanos) {
      int at = payload.indexOf(MARK);
      if (at < 0) {
        return; // noops, presence, watermarks...
      }
      // The event text is ASCII, so it appears verbatim in the escaped JSON: find it without a
      // full decode, and check that shortcut against a full decode of every 32nd payload.
      int found = 0;
      while (at >= 0) {
        int digits = at + MARK.length();
        int endOfNumber = digits;
        while (endOfNumber < payload.length() && Character.isDigit(payload.charAt(endOfNumber))) {
          endOfNumber++;
        }
        record(tag, Integer.parseInt(payload.substring(digits, endOfNumber)), arrivalNanos);
        found++;
        at = payload.indexOf(MARK, endOfNumber);
      }
      if (payloadsScanned++ % 32 == 0) {
        verified++;
        if (decodedMarks(payload) != found) {
          undecodable++;
        }
      }
    }

    /** How many event_notifications with a bench message a payload holds, fully decoded. */
    private static int decodedMarks(String payload) {
      int n = 0;
      try {
        for (ChannelArray array : ChannelCodec.parseArrays(payload)) {
          if (array.batchUpdate().isEmpty()) {
            continue;
          }
          for (StateUpdate update : array.batchUpdate().get().getStateUpdateList()) {
            Event event = update.getEventNotification().getEvent();
            if (update.hasEventNotification()
                && event.getChatMessage().getMessageContent().getSegmentCount() > 0
                && event
                    .getChatMessage()
                    .getMessageContent()
                    .getSegment(0)
                    .getText()
                    .startsWith(MARK)) {
              n++;
            }
          }
        }
        return n;
      } catch (Exception e) {
        return -1;
      }
    }

    private void record(int tag, int seq, long arrivalNanos) {
      if (seq < 0 || seq >= delivered.length) {
        return;
      }
      int sender = seq % clients;
      if (sender / groupSize != tag / groupSize) {
        misdelivered++;
        return;
      }
      if (sender == tag) {
        selfEchoes.incrementAndGet();
        return;
      }
      int bit = seq * groupSize + tag % groupSize;
      if (seen.get(bit)) {
        duplicates++;
        return;
      }
      seen.set(bit);
      delivered[seq]++;
      if (seq >= warmupCount) {
        latencies[latencyCount++] = arrivalNanos - sendStart.get(seq);
        measuredDelivered.incrementAndGet();
      }
    }
  }

  private static void throughputPhase(
      Options o,
      ParleyServer server,
      InetSocketAddress address,
      List<Credentials> clients,
      int groupSize,
      ExecutorService pool)
      throws Exception {
    int c = clients.size();
    int groups = c / groupSize;
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(pool)
            .build();
    String base = server.url() + "/chat/v1/";

    String[] conversationIds = new String[groups];
    for (int g = 0; g < groups; g++) {
      Credentials creator = clients.get(g * groupSize);
      CreateConversationRequest.Builder create =
          CreateConversationRequest.newBuilder()
              .setRequestHeader(RequestHeader.getDefaultInstance())
              .setType(ConversationType.CONVERSATION_TYPE_GROUP)
              .setName("bench group " + g)
              .setClientGeneratedId(g + 1L);
      for (int m = 1; m < groupSize; m++) {
        create.addInviteeId(
            InviteeID.newBuilder().setGaiaId(clients.get(g * groupSize + m).accountId()));
      }
      CreateConversationResponse created =
          rpc(
                  http,
                  base,
                  creator,
                  "conversations/createconversation",
                  create.build(),
                  CreateConversationResponse.getDefaultInstance())
              .get(30, TimeUnit.SECONDS);
      if (created.getResponseHeader().getStatus() != ResponseStatus.RESPONSE_STATUS_OK) {
        throw new IllegalStateException("createconversation: " + created.getResponseHeader());
      }
      conversationIds[g] = created.getConversation().getConversationId().getId();
    }
    print("clients", c, "clients");
    print("conversations", groups, "conversations");
    print("conversation_size", groupSize, "participants");

    int warmupCount = (int) Math.round(o.rate * o.warmup);
    int measuredCount = (int) Math.round(o.rate * o.seconds);
    int total = warmupCount + measuredCount;
    Deliveries deliveries = new Deliveries(c, groupSize, warmupCount, total);
    ChannelSwarm swarm = new ChannelSwarm(address, o.connecting, deliveries);
    RpcSwarm rpcs = new RpcSwarm(address, o.rpcConnections);
    try {
      long openStart = System.nanoTime();
      for (int k = 0; k < c; k++) {
        swarm.open(k, clients.get(k), null);
      }
      long deadline = openStart + TimeUnit.SECONDS.toNanos(120);
      while (swarm.established() + swarm.failedBeforeEstablished() < c
          && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
      print("channels_open", swarm.established(), "channels");
      print("channels_open_time", seconds(System.nanoTime() - openStart), "s");
      if (swarm.established() < c) {
        log("channel failures: %s", swarm.failureReasons());
      }

      AtomicIntegerArray outcome = new AtomicIntegerArray(total); // 1 ok, 2 failed, 3 skipped
      AtomicLongArray ackAt = new AtomicLongArray(total);
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger firstFailureLogged = new AtomicInteger();
      long period = (long) (1e9 / o.rate);
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      log(
          "sending: %d warm-up + %d measured messages at %.0f/s through %s",
          warmupCount,
          measuredCount,
          o.rate,
          o.httpClientSender
              ? "java.net.http"
              : "the RPC swarm (" + o.rpcConnections + " connections)");
      long start = System.nanoTime();
      long cpuStart = os.getProcessCpuTime();
      ThreadCpu threadCpuStart = ThreadCpu.take();
      long measureStart = start + warmupCount * period;
      long maxLag = 0;
      for (int i = 0; i < total; i++) {
        long target = start + i * period;
        long now;
        while ((now = System.nanoTime()) < target) {
          LockSupport.parkNanos(target - now);
        }
        if (i >= warmupCount) {
          maxLag = Math.max(maxLag, now - target);
        }
        if (inFlight.get() >= MAX_IN_FLIGHT) {
          outcome.set(i, 3);
          continue;
        }
        int sender = i % c;
        int seq = i;
        SendChatMessageRequest request =
            message(conversationIds[sender / groupSize], MARK + seq, 0x5EED0000L + seq);
        inFlight.incrementAndGet();
        deliveries.sendStart.set(seq, System.nanoTime());
        (o.httpClientSender
                ? rpc(
                    http,
                    base,
                    clients.get(sender),
                    "conversations/sendchatmessage",
                    request,
                    SendChatMessageResponse.getDefaultInstance())
                : sender(rpcs, clients.get(sender), request))
            .whenComplete(
                (response, failure) -> {
                  ackAt.set(seq, System.nanoTime());
                  boolean ok =
                      failure == null
                          && response.getResponseHeader().getStatus()
                              == ResponseStatus.RESPONSE_STATUS_OK
                          && response.hasCreatedEvent();
                  outcome.set(seq, ok ? 1 : 2);
                  if (!ok && firstFailureLogged.getAndIncrement() < 5) {
                    log(
                        "send %d failed: %s",
                        seq, failure != null ? failure : response.getResponseHeader());
                  }
                  inFlight.decrementAndGet();
                });
      }
      long sendEnd = System.nanoTime();
      long ackDeadline = sendEnd + TimeUnit.SECONDS.toNanos(60);
      while (inFlight.get() > 0 && System.nanoTime() < ackDeadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      long expected = 0;
      int sent = 0;
      int acked = 0;
      int skipped = 0;
      long lastAck = measureStart;
      List<Long> rpcLatencies = new ArrayList<>();
      for (int i = warmupCount; i < total; i++) {
        switch (outcome.get(i)) {
          case 1 -> {
            sent++;
            acked++;
            expected += groupSize - 1;
            lastAck = Math.max(lastAck, ackAt.get(i));
            rpcLatencies.add(ackAt.get(i) - deliveries.sendStart.get(i));
          }
          case 3 -> skipped++;
          default -> sent++;
        }
      }
      long graceDeadline = System.nanoTime() + (long) (o.grace * 1e9);
      while (deliveries.measuredDelivered.get() < expected && System.nanoTime() < graceDeadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      long elapsed = System.nanoTime() - start;
      double cpuCores = (os.getProcessCpuTime() - cpuStart) / (double) elapsed;
      ThreadCpu threadCpu = ThreadCpu.take().minus(threadCpuStart);
      log("busiest threads (cores): %s", threadCpu.busiestGroups(elapsed, 8));
      swarm.close(); // joins the selector thread: its writes are visible from here on
      long lost = 0;
      for (int i = warmupCount; i < total; i++) {
        if (outcome.get(i) == 1) {
          lost += Math.max(0, groupSize - 1 - deliveries.delivered[i]);
        }
      }
      long[] latencies = Arrays.copyOf(deliveries.latencies, deliveries.latencyCount);
      Arrays.sort(latencies);
      long[] rpc = rpcLatencies.stream().mapToLong(Long::longValue).sorted().toArray();

      print("target_rate", o.rate, "messages/s");
      print("measured_time", o.seconds, "s");
      print("messages_sent", sent, "messages");
      print("messages_acked", acked, "messages");
      print("messages_skipped", skipped, "messages");
      print("messages_per_second", acked / seconds(lastAck - measureStart), "messages/s");
      print("send_schedule_lag_max", maxLag / 1e6, "ms");
      print("rpc_latency_p50", percentileMillis(rpc, 0.50), "ms");
      print("rpc_latency_p99", percentileMillis(rpc, 0.99), "ms");
      print("deliveries_expected", expected, "deliveries");
      print("deliveries_received", latencies.length, "deliveries");
      print("push_latency_p50", percentileMillis(latencies, 0.50), "ms");
      print("push_latency_p90", percentileMillis(latencies, 0.90), "ms");
      print("push_latency_p99", percentileMillis(latencies, 0.99), "ms");
      print(
          "push_latency_max",
          latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6,
          "ms");
      print("lost", lost, "deliveries");
      print(
          "sender_echoes", deliveries.selfEchoes.get(), "deliveries (to the sender's own channel)");
      print("duplicates", deliveries.duplicates + deliveries.misdelivered, "deliveries");
      print("channels_failed_during_run", swarm.failedAfterEstablished(), "channels");
      print("process_cpu", cpuCores, "cores");
      print("server_threads_cpu", threadCpu.server / (double) elapsed, "cores");
      print("client_threads_cpu", threadCpu.client / (double) elapsed, "cores");
      print(
          "server_cpu_per_message",
          threadCpu.server / 1e6 / Math.max(1, total - countSkipped(outcome)),
          "ms");
      print(
          "load_average",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          "(1 min, whole machine)");
      print(
          "payloads_verified_by_full_decode",
          deliveries.verified - deliveries.undecodable,
          "of " + deliveries.verified);
    } finally {
      rpcs.close();
      swarm.close();
    }
  }

  /**
   * A {@code sendchatmessage} as hangups sends it (binary protobuf in, base64 protobuf out) over
   * the RPC swarm; completes on the swarm's thread.
   */
  private static CompletableFuture<SendChatMessageResponse> sender(
      RpcSwarm rpcs, Credentials credentials, SendChatMessageRequest request) {
    CompletableFuture<SendChatMessageResponse> result = new CompletableFuture<>();
    rpcs.post(
        credentials,
        "/chat/v1/conversations/sendchatmessage?alt=proto&key=bench",
        RpcCodec.CONTENT_TYPE_PROTOBUF,
        RpcCodec.ENCODE_RESPONSE_HEADER + ": " + RpcCodec.ENCODE_RESPONSE_BASE64 + "\r\n",
        request.toByteArray(),
        new RpcSwarm.Callback() {
          @Override
          public void response(int status, byte[] body) {
            if (status != 200) {
              result.completeExceptionally(
                  new IllegalStateException(
                      "sendchatmessage: HTTP "
                          + status
                          + " "
                          + new String(body, StandardCharsets.UTF_8)));
              return;
            }
            try {
              result.complete(
                  RpcCodec.decodeBase64Proto(body, SendChatMessageResponse.getDefaultInstance()));
            } catch (Exception e) {
              result.completeExceptionally(
                  new IllegalStateException("sendchatmessage: undecodable response", e));
            }
          }

          @Override
          public void failed(String reason) {
            result.completeExceptionally(new IllegalStateException("sendchatmessage: " + reason));
          }
        });
    return result;
  }

  private static int countSkipped(AtomicIntegerArray outcome) {
    int n = 0;
    for (int i = 0; i < outcome.length(); i++) {
      if (outcome.get(i) == 3) {
        n++;
      }
    }
    return n;
  }

  /** CPU time of this JVM's threads, split into the server's (Jetty, Parley) and the rest. */
  private static final class ThreadCpu {
    final Map<Long, Long> byThread = new HashMap<>();
    final Map<Long, Boolean> isServer = new HashMap<>();
    final Map<Long, String> names = new HashMap<>();
    long server;
    long client;

    static ThreadCpu take() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      ThreadCpu snapshot = new ThreadCpu();
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info == null) {
          continue;
        }
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu < 0) {
          continue;
        }
        String name = info.getThreadName();
        boolean server =
            name.startsWith("qtp")
                || name.startsWith("parley")
                || name.startsWith("Scheduler")
                || name.startsWith("Connector");
        snapshot.byThread.put(info.getThreadId(), cpu);
        snapshot.isServer.put(info.getThreadId(), server);
        snapshot.names.put(info.getThreadId(), name.replaceAll("[0-9]+", "N"));
      }
      return snapshot;
    }

    /** The thread groups (names without their numbers) that used the most CPU, in cores. */
    String busiestGroups(long elapsedNanos, int count) {
      Map<String, Long> byGroup = new HashMap<>();
      byThread.forEach((id, cpu) -> byGroup.merge(names.get(id), cpu, Long::sum));
      StringBuilder sb = new StringBuilder();
      byGroup.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(count)
          .forEach(
              e ->
                  sb.append(
                      String.format(
                          Locale.ROOT,
                          "%s %.2f, ",
                          e.getKey(),
                          e.getValue() / (double) elapsedNanos)));
      return sb.toString();
    }

    /** This snapshot minus an earlier one (threads that ended in between are not counted). */
    ThreadCpu minus(ThreadCpu earlier) {
      ThreadCpu diff = new ThreadCpu();
      byThread.forEach(
          (id, cpu) -> {
            long used = cpu - earlier.byThread.getOrDefault(id, 0L);
            if (isServer.get(id)) {
              diff.server += used;
            } else {
              diff.client += used;
            }
            diff.byThread.put(id, used);
            diff.names.put(id, names.get(id));
          });
      return diff;
    }
  }

  private static SendChatMessageRequest message(
      String conversationId, String text, long clientGeneratedId) {
    return ChatMessages.text(
        RequestHeader.getDefaultInstance(), conversationId, text, clientGeneratedId);
  }

  /** One RPC as hangups sends it: binary protobuf in, base64 protobuf out. */
  private static <R extends Message> CompletableFuture<R> rpc(
      HttpClient http,
      String base,
      Credentials credentials,
      String endpoint,
      Message request,
      R prototype) {
    HttpRequest httpRequest =
        HttpRequest.newBuilder(URI.create(base + endpoint + "?alt=proto&key=bench"))
            .header("cookie", credentials.cookie())
            .header("authorization", credentials.authorization())
            .header("origin", BenchAuth.ORIGIN)
            .header("x-goog-authuser", "0")
            .header("content-type", RpcCodec.CONTENT_TYPE_PROTOBUF)
            .header(RpcCodec.ENCODE_RESPONSE_HEADER, RpcCodec.ENCODE_RESPONSE_BASE64)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
            .build();
    return http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(
            response -> {
              if (response.statusCode() != 200) {
                throw new IllegalStateException(
                    endpoint
                        + ": HTTP "
                        + response.statusCode()
                        + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
              }
              try {
                return RpcCodec.decodeBase64Proto(response.body(), prototype);
              } catch (Exception e) {
                throw new IllegalStateException(endpoint + ": undecodable response", e);
              }
            });
  }

  // ---- small helpers ----

  private static double percentileMillis(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
  }

  private static void print(String name, long value, String unit) {
    OUT.println(name + ": " + value + " " + unit);
  }

  private static void print(String name, double value, String unit) {
    OUT.println(name + ": " + String.format(Locale.ROOT, "%.2f", value) + " " + unit);
  }

  private static void log(String format, Object... args) {
    System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log("could not delete %s: %s", dir, e);
    }
  }
}
