package dev.parley.server.demo;

import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.UserConversationState;
import dev.parley.server.TimeSource;
import dev.parley.server.channel.ReachabilityListener;
import dev.parley.server.conversations.Pusher;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.Store;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world {@code parley server --demo} starts with: five people with avatars, the owner {@value
 * #OWNER_EMAIL} (password {@value #OWNER_PASSWORD}), Parley Bot, and weeks of conversations between
 * them, seeded once; then a bot that answers and friends who write while the owner is online.
 *
 * <p>Wiring, in the composition root: {@link #observe} decorates the server's {@link Pusher} (the
 * bot hears messages that way), {@link #start} runs once the services exist and before the server
 * serves, the world listens to the channel hub's reachability, and {@link #close} stops it before
 * the store closes. Everything the demo does after seeding runs on one scheduler thread of its own.
 */
public final class DemoWorld implements ReachabilityListener, AutoCloseable {
  public static final String OWNER_EMAIL = DemoCast.OWNER_EMAIL;
  public static final String OWNER_PASSWORD = DemoCast.OWNER_PASSWORD;

  private static final Logger LOG = LoggerFactory.getLogger(DemoWorld.class);

  private final Store store;
  private final TimeSource time;
  private final DemoTimings timings;
  private final ScheduledExecutorService executor;
  private volatile DemoBot bot;
  private volatile DemoVisitor visitor;

  public DemoWorld(Store store, TimeSource time, DemoTimings timings) {
    this.store = store;
    this.time = time;
    this.timings = timings;
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "parley-demo");
              t.setDaemon(true);
              return t;
            });
    // On close, drop what is waiting but let a running answer finish (no interrupt mid-write).
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    scheduler.setRemoveOnCancelPolicy(true);
    this.executor = scheduler;
  }

  /** {@code next}, and the bot hears every push (once {@link #start} has run). */
  public Pusher observe(Pusher next) {
    return new Pusher() {
      @Override
      public void push(String accountId, StateUpdate update, String excludeClientId) {
        next.push(accountId, update, excludeClientId);
        DemoBot listening = bot;
        if (listening != null) {
          listening.heard(accountId, update);
        }
      }

      @Override
      public void pushPresence(String accountId, StateUpdate update) {
        next.pushPresence(accountId, update);
      }

      @Override
      public Runnable prepareConversationPush(
          StateUpdate update, Map<String, UserConversationState> selfStates) {
        Runnable publication = next.prepareConversationPush(update, selfStates);
        return () -> {
          publication.run();
          DemoBot listening = bot;
          if (listening != null) {
            selfStates.forEach(
                (accountId, self) -> listening.heard(accountId, Pusher.withSelf(update, self)));
          }
        };
      }
    };
  }

  /**
   * Creates the cast where missing and, on a fresh world, plays its history; then the bot starts
   * answering and visits start with the owner's next connection. Call once, before serving.
   */
  public void start(DemoServices services) {
    DemoActions actions = new DemoActions(store, services);
    DemoSeeder seeder =
        new DemoSeeder(store, services.accounts(), actions, time, ZoneId.systemDefault());
    Map<String, Account> cast = seeder.ensureCast();
    DemoBot answering =
        new DemoBot(cast.get(DemoCast.BOT.key()), store, actions, executor, timings, time);
    int steps = seeder.seedHistoryIfNew(cast, answering);
    visitor =
        new DemoVisitor(
            cast.get(DemoCast.OWNER.key()),
            cast,
            DemoScript.sayings(DemoScript.VISITS),
            actions,
            executor,
            timings,
            time);
    bot = answering;
    LOG.info(
        "Demo world {}: sign in as {} with password {}",
        steps > 0 ? "seeded with " + steps + " steps of history" : "ready",
        OWNER_EMAIL,
        OWNER_PASSWORD);
  }

  @Override
  public void reachabilityChanged(String accountId, boolean reachable) {
    DemoVisitor visiting = visitor;
    if (visiting != null) {
      visiting.reachabilityChanged(accountId, reachable);
    }
  }

  /** Stops the bot and the visits, letting an answer being written finish. */
  @Override
  public void close() {
    bot = null;
    visitor = null;
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("the demo world did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
