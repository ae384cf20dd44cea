package dev.parley.server.demo;

import static dev.parley.server.demo.DemoWorldFixture.account;
import static dev.parley.server.demo.DemoWorldFixture.bot;
import static dev.parley.server.demo.DemoWorldFixture.config;
import static dev.parley.server.demo.DemoWorldFixture.events;
import static dev.parley.server.demo.DemoWorldFixture.get;
import static dev.parley.server.demo.DemoWorldFixture.memberships;
import static dev.parley.server.demo.DemoWorldFixture.owner;
import static dev.parley.server.demo.DemoWorldFixture.ownerEvents;
import static dev.parley.server.demo.DemoWorldFixture.signInAsOwner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventType;
import dev.parley.proto.Hangouts.MembershipChangeType;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import dev.parley.server.ParleyServer;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.ConversationRecord;
import dev.parley.server.storage.MediaRecord;
import dev.parley.server.storage.Membership;
import dev.parley.server.testing.HangoutsTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeded world, read back from a real server's store: who is there and what happened. */
class DemoWorldTest {
  @TempDir static Path dataDir;

  private static ParleyServer server;
  private static long startedAtMicros;

  @BeforeAll
  static void startDemoServer() throws Exception {
    startedAtMicros = System.currentTimeMillis() * 1000;
    server = ParleyServer.start(config(dataDir));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theWorldHasFivePeopleTheOwnerAndTheBotEachWithAnAvatar() {
    List<Account> accounts = server.store().read(tx -> tx.accounts());

    assertThat(accounts)
        .extracting(Account::email)
        .containsExactlyInAnyOrderElementsOf(
            DemoCast.everyone().stream().map(DemoPerson::email).toList());
    assertThat(accounts)
        .filteredOn(Account::bot)
        .extracting(Account::displayName)
        .containsExactly("Parley Bot");
    assertThat(owner(server).displayName()).isEqualTo("Sam Taylor");
    for (Account a : accounts) {
      MediaRecord avatar = server.store().read(tx -> tx.media(a.avatarMediaId())).orElseThrow();
      assertThat(avatar.complete()).isTrue();
      assertThat(avatar.contentType()).isEqualTo("image/png");
      assertThat(avatar.width()).isEqualTo(256);
    }
  }

  @Test
  void theOwnerSignsInWithTheDemoPasswordAndSeesEveryonesAvatar() {
    HangoutsTestClient owner = signInAsOwner(server);

    for (DemoPerson person : DemoCast.everyone()) {
      Account account = account(server, person.email());
      assertThat(get(owner, "/media/" + account.avatarMediaId()))
          .as("%s's avatar", person.displayName())
          .isEqualTo(200);
    }
  }

  @Test
  void severalHundredEventsSpanWeeksWithUniqueTimestampsAllInThePast() {
    List<Event> events = ownerEvents(server);

    assertThat(events).hasSizeGreaterThan(300);
    List<Long> timestamps = events.stream().map(Event::getTimestamp).sorted().toList();
    assertThat(new HashSet<>(timestamps)).hasSameSizeAs(timestamps);
    assertThat(timestamps.get(timestamps.size() - 1)).isLessThan(startedAtMicros);
    assertThat(timestamps.get(timestamps.size() - 1) - timestamps.get(0))
        .isGreaterThan(TimeUnit.DAYS.toMicros(14));
  }

  @Test
  void eachConversationTellsItsStoryInTimestampOrderFromSeveralPeople() {
    for (Membership m : memberships(server, owner(server).id())) {
      List<Event> events = events(server, m.conversationId());
      List<Long> timestamps = events.stream().map(Event::getTimestamp).toList();

      assertThat(timestamps).isSorted();
      assertThat(events.stream().map(e -> e.getSenderId().getGaiaId()).distinct())
          .hasSizeGreaterThan(1);
    }
  }

  @Test
  void historyHasFormattingLinksLineBreaksImagesRenamesJoinsAndLeaves() {
    List<Event> events = ownerEvents(server);
    List<Segment> segments =
        events.stream()
            .filter(Event::hasChatMessage)
            .flatMap(e -> e.getChatMessage().getMessageContent().getSegmentList().stream())
            .toList();

    assertThat(segments).anyMatch(s -> s.getFormatting().getBold());
    assertThat(segments).anyMatch(s -> s.getFormatting().getItalic());
    assertThat(segments).anyMatch(s -> s.getFormatting().getStrikethrough());
    assertThat(segments).anyMatch(s -> s.getFormatting().getUnderline());
    assertThat(segments).anyMatch(s -> s.getType() == SegmentType.SEGMENT_TYPE_LINE_BREAK);
    assertThat(segments)
        .anyMatch(
            s ->
                s.getType() == SegmentType.SEGMENT_TYPE_LINK
                    && s.getLinkData().getLinkTarget().startsWith("https://"));
    assertThat(
            events.stream()
                .filter(
                    e ->
                        e.hasChatMessage()
                            && e.getChatMessage().getMessageContent().getAttachmentCount() > 0))
        .hasSizeGreaterThan(8);
    assertThat(events).anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_CONVERSATION_RENAME);
    assertThat(events)
        .anyMatch(
            e ->
                e.getMembershipChange().getType()
                    == MembershipChangeType.MEMBERSHIP_CHANGE_TYPE_JOIN);
    assertThat(events)
        .anyMatch(
            e ->
                e.getMembershipChange().getType()
                    == MembershipChangeType.MEMBERSHIP_CHANGE_TYPE_LEAVE);
  }

  @Test
  void someConversationsAreUnreadForTheOwnerAndOthersAreRead() {
    Account owner = owner(server);
    int unread = 0;
    int read = 0;
    for (Membership m : memberships(server, owner.id())) {
      long newestFromOthers =
          events(server, m.conversationId()).stream()
              .filter(e -> !e.getSenderId().getGaiaId().equals(owner.id()))
              .mapToLong(Event::getTimestamp)
              .max()
              .orElse(0);
      if (newestFromOthers > m.latestReadTimestamp()) {
        unread++;
      } else {
        read++;
      }
    }
    assertThat(unread).isGreaterThanOrEqualTo(3);
    assertThat(read).isGreaterThanOrEqualTo(3);
  }

  @Test
  void theOwnerIsInOneToOnesAndGroupsAndTheBotHasAConversationWithTheOwner() {
    List<ConversationRecord> conversations =
        memberships(server, owner(server).id()).stream()
            .map(m -> server.store().read(tx -> tx.conversation(m.conversationId())).orElseThrow())
            .toList();

    assertThat(conversations)
        .filteredOn(c -> c.oneToOneKey() != null)
        .hasSizeGreaterThanOrEqualTo(6);
    assertThat(conversations)
        .filteredOn(c -> c.oneToOneKey() == null)
        .extracting(ConversationRecord::name)
        .contains("Lake crew 💙", "Parley 1.0 🚀", "Book club");
    assertThat(events(server, DemoWorldFixture.oneToOne(server, bot(server))))
        .anyMatch(e -> DemoWorldFixture.isChatFrom(e, bot(server).id()));
  }

  @Test
  void restartingOnTheSameDataDirectorySeedsNothingTwice(@TempDir Path otherDir) throws Exception {
    int accounts;
    int events;
    long mediaFiles;
    try (ParleyServer first = ParleyServer.start(config(otherDir))) {
      accounts = first.store().read(tx -> tx.accounts()).size();
      events = ownerEvents(first).size();
    }
    mediaFiles = countMedia(otherDir);

    try (ParleyServer second = ParleyServer.start(config(otherDir))) {
      List<Account> accountsAfterRestart = second.store().read(tx -> tx.accounts());
      assertThat(accountsAfterRestart).hasSize(accounts);
      assertThat(ownerEvents(second)).hasSize(events);
      assertThat(countMedia(otherDir)).isEqualTo(mediaFiles);
    }
  }

  private static long countMedia(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("media"))) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
