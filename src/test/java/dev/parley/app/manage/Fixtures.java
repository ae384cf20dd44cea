package dev.parley.app.manage;

import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** People and conversations the management tests share. */
final class Fixtures {
  static final Person ALICE =
      new Person("alice", "Alice Martin", null, "alice@example.org", null, false);
  static final Person BOB = new Person("bob", "Bob Chen", null, "bob@example.org", null, false);
  static final Person CAROL =
      new Person("carol", "Carol Diaz", null, "carol@example.org", null, false);
  static final Person DMITRI =
      new Person("dmitri", "Dmitri Volkov", null, "dmitri@example.org", null, false);

  private Fixtures() {}

  /** A group of the user with {@code others}. */
  static ConversationSummary group(String id, String name, Person... others) {
    return summary(id, name, true, others);
  }

  static ConversationSummary oneToOne(String id, Person other) {
    return summary(id, null, false, other);
  }

  static ConversationSummary summary(String id, String name, boolean group, Person... others) {
    List<Person> participants = new ArrayList<>();
    participants.add(FakeSessionService.SELF);
    participants.addAll(List.of(others));
    return new ConversationSummary(
        id,
        name,
        group,
        participants,
        Instant.parse("2024-05-01T10:00:00Z"),
        null,
        "",
        0,
        false,
        false,
        false,
        false);
  }

  /** The same conversation with link sharing on. */
  static ConversationSummary sharing(ConversationSummary c) {
    return new ConversationSummary(
        c.id(),
        c.customName(),
        c.group(),
        c.participants(),
        c.lastActivity(),
        c.lastMessageSender(),
        c.lastMessagePreview(),
        c.unreadCount(),
        c.quiet(),
        c.archived(),
        c.offTheRecord(),
        true);
  }

  /**
   * A session knowing Alice, Bob, Carol and Dmitri, in group "trip" (Alice, Bob) and 1:1 "chat".
   */
  static FakeSessionService session() {
    return new FakeSessionService()
        .putPerson(ALICE)
        .putPerson(BOB)
        .putPerson(CAROL)
        .putPerson(DMITRI)
        .putConversation(group("trip", "Trip", ALICE, BOB))
        .putConversation(oneToOne("chat", CAROL));
  }
}
