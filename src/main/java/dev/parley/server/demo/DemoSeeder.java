package dev.parley.server.demo;

import dev.parley.proto.Hangouts.Event;
import dev.parley.server.TimeSource;
import dev.parley.server.auth.Accounts;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.Membership;
import dev.parley.server.storage.Store;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the demo cast and plays its history into a fresh world. Idempotent: people are found by
 * email before they are created, and the history is played only while the owner has no conversation
 * yet.
 *
 * <p>History is played in chronological order with past times. The server takes each event's
 * timestamp as {@code max(now, last + 1)} with "now" from the request, so on a fresh database the
 * events keep the script's times, weeks ago, and everything happens before the real now.
 */
final class DemoSeeder {
  /** The history ends at least this long before the server starts. */
  static final Duration MARGIN = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
  private static final long BOT_THINKS_MICROS = TimeUnit.SECONDS.toMicros(3);

  private final Store store;
  private final Accounts accounts;
  private final DemoActions actions;
  private final TimeSource time;
  private final ZoneId zone;
  private final SecureRandom random = new SecureRandom();

  DemoSeeder(Store store, Accounts accounts, DemoActions actions, TimeSource time, ZoneId zone) {
    this.store = store;
    this.accounts = accounts;
    this.actions = actions;
    this.time = time;
    this.zone = zone;
  }

  /** Everyone's account by script key, created with an avatar where missing. */
  Map<String, Account> ensureCast() {
    Map<String, Account> cast = new LinkedHashMap<>();
    for (DemoPerson person : DemoCast.everyone()) {
      Account account =
          store
              .read(tx -> tx.accountByEmail(person.email()))
              .orElseGet(
                  () ->
                      accounts.create(
                          person.email(), person.displayName(), password(person), person.bot()));
      if (account.avatarMediaId() == null) {
        account = actions.setAvatar(account, DemoAvatars.avatar(person), time.nowMicros());
      }
      cast.put(person.key(), account);
    }
    return cast;
  }

  /** The owner's password is known; nobody signs in as the others. */
  private char[] password(DemoPerson person) {
    if (person == DemoCast.OWNER) {
      return DemoCast.OWNER_PASSWORD.toCharArray();
    }
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
  }

  /**
   * Plays the history unless the owner is in a conversation already. Returns the number of steps
   * played (0 when the world was seeded before).
   */
  int seedHistoryIfNew(Map<String, Account> cast, DemoBot bot) {
    Account owner = cast.get(DemoCast.OWNER.key());
    if (!store.read(tx -> tx.membershipsOf(owner.id())).isEmpty()) {
      return 0;
    }
    List<DemoStep> steps = timeline();
    long first = micros(steps.get(0).at());
    if (store.read(tx -> tx.lastTimestamp()) >= first) {
      LOG.warn("this database has newer events than the demo history; it will look squeezed");
    }
    Map<String, String> conversations = new HashMap<>();
    long last = 0;
    for (DemoStep step : steps) {
      try {
        last = play(step, Math.max(micros(step.at()), last + 1), cast, conversations, bot);
      } catch (RuntimeException e) {
        throw new IllegalStateException("demo script line " + step.line() + " failed", e);
      }
    }
    everyoneButTheOwnerReads(owner, conversations.values(), last + TimeUnit.MINUTES.toMicros(1));
    return steps.size();
  }

  /** The script anchored on today, or on an earlier day if today's part is not over yet. */
  private List<DemoStep> timeline() {
    long latest = time.nowMicros() - MARGIN.toNanos() / 1000;
    LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(time.nowMillis()), zone);
    for (int daysBack = 0; daysBack <= 2; daysBack++) {
      List<DemoStep> steps = DemoScript.load(DemoScript.WORLD, today.minusDays(daysBack));
      if (micros(steps.get(steps.size() - 1).at()) < latest) {
        return steps;
      }
    }
    throw new IllegalStateException("the demo history does not end before now");
  }

  /** Plays one step at {@code at}; returns the latest time it used. */
  private long play(
      DemoStep step,
      long at,
      Map<String, Account> cast,
      Map<String, String> conversations,
      DemoBot bot) {
    Account actor = cast.get(step.actor());
    List<Account> people = step.people().stream().map(cast::get).toList();
    String conversationId = conversations.get(step.conversation());
    switch (step.kind()) {
      case ONE_TO_ONE ->
          conversations.put(step.conversation(), actions.oneToOne(actor, people.get(0), at));
      case GROUP ->
          conversations.put(step.conversation(), actions.group(actor, people, step.text(), at));
      case SAY -> {
        String photoId =
            step.picture() == null
                ? null
                : actions.storeImage(
                    actor,
                    DemoPictures.picture(step.picture(), step.line()),
                    step.picture() + ".png",
                    at);
        Event sent =
            actions.send(actor, conversationId, DemoText.segments(step.text()), photoId, at);
        if (step.botAnswers()) {
          long answeredAt = at + BOT_THINKS_MICROS;
          bot.answer(sent, answeredAt);
          return answeredAt;
        }
      }
      case RENAME -> actions.rename(actor, conversationId, step.text(), at);
      case ADD -> actions.add(actor, conversationId, people, at);
      case LEAVE -> actions.leave(actor, conversationId, at);
      case READ -> actions.read(actor, conversationId, at);
    }
    return at;
  }

  /** The demo people have caught up with everything; only the owner has unread messages. */
  private void everyoneButTheOwnerReads(
      Account owner, Iterable<String> conversationIds, long atMicros) {
    long at = atMicros;
    for (String conversationId : conversationIds) {
      List<Membership> members = store.read(tx -> tx.memberships(conversationId));
      for (Membership m : members) {
        if (m.isCurrent() && !m.accountId().equals(owner.id())) {
          Account reader = store.read(tx -> tx.account(m.accountId())).orElseThrow();
          actions.read(reader, conversationId, at++);
        }
      }
    }
  }

  private long micros(LocalDateTime at) {
    Instant instant = at.atZone(zone).toInstant();
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }
}
