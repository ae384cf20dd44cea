package dev.parley.app.session;

import dev.parley.client.ChatMessageEvent;
import dev.parley.client.ConversationEvent;
import dev.parley.client.GroupLinkSharingModificationEvent;
import dev.parley.client.GroupLinkSharingStatus;
import dev.parley.client.HangoutEvent;
import dev.parley.client.MembershipChangeEvent;
import dev.parley.client.MembershipChangeType;
import dev.parley.client.OffTheRecordStatus;
import dev.parley.client.OtrEvent;
import dev.parley.client.RenameEvent;
import dev.parley.client.UserId;
import java.util.ArrayList;
import java.util.List;

/**
 * The client library's events as timeline items: chat messages as they are, everything else as a
 * worded {@link SystemEvent} ("Alice renamed the conversation to “Trip”", "You added Bob"). The
 * signed-in user is "You" as the actor and "you" as the object. Thread-safe.
 */
final class TimelineMapper {
  private final People people;

  TimelineMapper(People people) {
    this.people = people;
  }

  /** The item for {@code event}, or null for kinds the app does not show. */
  TimelineItem map(ConversationEvent event) {
    if (event instanceof ChatMessageEvent message) {
      return message(message);
    }
    SystemEvent.Kind kind;
    String text;
    Person actor = people.person(event.getUserId());
    if (event instanceof RenameEvent rename) {
      kind = SystemEvent.Kind.RENAME;
      text =
          rename.getNewName().isEmpty()
              ? subject(actor) + " removed the conversation name"
              : subject(actor) + " renamed the conversation to “" + rename.getNewName() + "”";
    } else if (event instanceof MembershipChangeEvent change) {
      kind = SystemEvent.Kind.MEMBERSHIP;
      text = membership(actor, change);
    } else if (event instanceof OtrEvent otr) {
      kind = SystemEvent.Kind.OFF_THE_RECORD;
      text =
          subject(actor)
              + (otr.getNewOtrStatus() == OffTheRecordStatus.OFF_THE_RECORD
                  ? " turned history off"
                  : " turned history on");
    } else if (event instanceof HangoutEvent call) {
      kind = SystemEvent.Kind.HANGOUT;
      text = call(actor, call);
    } else if (event instanceof GroupLinkSharingModificationEvent link) {
      kind = SystemEvent.Kind.LINK_SHARING;
      text =
          subject(actor)
              + (link.getNewStatus() == GroupLinkSharingStatus.ON
                  ? " turned link sharing on"
                  : " turned link sharing off");
    } else {
      return null;
    }
    return new SystemEvent(
        event.getConversationId(), event.getId(), event.getTimestamp(), kind, actor, text);
  }

  /**
   * The people a system event names whom the user list does not know yet: its line says "Unknown"
   * for them until they are known and it is worded again. Empty for chat messages.
   */
  List<UserId> unknownPeople(ConversationEvent event) {
    if (event instanceof ChatMessageEvent) {
      return List.of();
    }
    List<UserId> named = new ArrayList<>();
    named.add(event.getUserId());
    if (event instanceof MembershipChangeEvent change) {
      named.addAll(change.getParticipantIds());
    }
    return named.stream().distinct().filter(id -> !people.known(id)).toList();
  }

  /** A chat message as the server has it: SENT, keyed by its client-generated id when known. */
  ChatMessage message(ChatMessageEvent event) {
    return new ChatMessage(
        event.getConversationId(),
        event.getId(),
        event.getClientGeneratedId(),
        people.person(event.getUserId()),
        event.getTimestamp(),
        event.getSegments(),
        event.getImages(),
        event.isMeAction(),
        SendState.SENT,
        null);
  }

  private String membership(Person actor, MembershipChangeEvent change) {
    List<UserId> ids = change.getParticipantIds();
    List<Person> others =
        ids.stream().filter(id -> !id.gaiaId().equals(actor.id())).map(people::person).toList();
    boolean join = change.getType() == MembershipChangeType.JOIN;
    if (others.isEmpty()) {
      return subject(actor) + (join ? " joined" : " left");
    }
    return subject(actor) + (join ? " added " : " removed ") + objects(others);
  }

  private static String call(Person actor, HangoutEvent call) {
    return switch (call.getEventType()) {
      case START -> subject(actor) + " started a call";
      case END -> "Call ended";
      case JOIN -> subject(actor) + " joined the call";
      case LEAVE -> subject(actor) + " left the call";
      case ONGOING -> "Call in progress";
      case COMING_SOON -> "A call is about to start";
      case UNKNOWN -> "Call";
    };
  }

  private static String subject(Person person) {
    return person.self() ? "You" : person.fullName();
  }

  /** "Bob", "Bob and Carol", "Bob, Carol and you". */
  static String objects(List<Person> persons) {
    List<String> names = persons.stream().map(p -> p.self() ? "you" : p.fullName()).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
