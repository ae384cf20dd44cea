package dev.parley.server.conversations;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.parley.proto.Hangouts.ConversationView;
import dev.parley.proto.Hangouts.DeliveryMedium;
import dev.parley.proto.Hangouts.DeliveryMediumType;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventNotification;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.StateUpdateHeader;
import dev.parley.proto.Hangouts.UserConversationState;
import dev.parley.server.ServerException;
import dev.parley.server.TimeSource;
import dev.parley.server.rpc.RpcContext;
import dev.parley.server.rpc.RpcRefusedException;
import dev.parley.server.storage.ConversationRecord;
import dev.parley.server.storage.Membership;
import dev.parley.server.storage.Store;
import dev.parley.server.storage.StoreTransaction;
import dev.parley.server.storage.StoredEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** What every conversation RPC shares: storage, time, ids, pushes and the membership check. */
public final class ConversationSupport {
  /** The refusal for unknown conversations and for ones the caller is not in: indistinguishable. */
  static final String NOT_FOUND = "conversation not found, or you are not a participant";

  final Store store;
  final TimestampLedger ledger;
  final Pusher pusher;
  final Ids ids;
  final TimeSource time;
  final String publicUrl;

  public ConversationSupport(
      Store store,
      TimestampLedger ledger,
      Pusher pusher,
      Ids ids,
      TimeSource time,
      String publicUrl) {
    this.store = store;
    this.ledger = ledger;
    this.pusher = pusher;
    this.ids = ids;
    this.time = time;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  <T> T write(Function<WriteScope, T> work) {
    return WriteScope.run(store, ledger, work);
  }

  /** The conversation, if the caller is a current participant; refused otherwise. */
  static ConversationSnapshot requireCurrent(
      StoreTransaction tx, String conversationId, String accountId) {
    ConversationSnapshot snapshot = requireAny(tx, conversationId, accountId);
    if (!snapshot.isCurrentParticipant(accountId)) {
      throw new RpcRefusedException(NOT_FOUND);
    }
    return snapshot;
  }

  /** The conversation, if the caller is or was a participant; refused otherwise. */
  static ConversationSnapshot requireAny(
      StoreTransaction tx, String conversationId, String accountId) {
    if (conversationId == null || conversationId.isEmpty()) {
      throw new RpcRefusedException("conversation_id is required");
    }
    ConversationRecord c =
        tx.conversation(conversationId).orElseThrow(() -> new RpcRefusedException(NOT_FOUND));
    ConversationSnapshot snapshot = ConversationSnapshot.load(tx, c);
    if (snapshot.membershipOf(accountId).isEmpty()) {
      throw new RpcRefusedException(NOT_FOUND);
    }
    return snapshot;
  }

  /** An event as stored, and its conversation as the storing left it. */
  record Stored(Event event, ConversationSnapshot after) {}

  /**
   * Stores an event built by the caller (everything but ids, time and conversation fields), moves
   * the conversation's sort time, returns the sender's watermark to the event and brings archived
   * conversations back to the inbox. Returns the event as stored.
   */
  Event storeEvent(
      WriteScope w,
      ConversationSnapshot snapshot,
      String senderId,
      Event.Builder event,
      String clientGeneratedId,
      RpcContext ctx) {
    return store(w, snapshot, senderId, event, clientGeneratedId, ctx).event();
  }

  /** As {@link #storeEvent}, also returning the snapshot with what the storing changed. */
  Stored store(
      WriteScope w,
      ConversationSnapshot snapshot,
      String senderId,
      Event.Builder event,
      String clientGeneratedId,
      RpcContext ctx) {
    long ts = w.timestamp(ctx.nowMicros());
    ConversationRecord c = snapshot.conversation();
    event
        .setConversationId(ConversationViews.conversationId(c.id()))
        .setSenderId(ConversationViews.participantId(senderId))
        .setTimestamp(ts)
        .setEventId(ids.eventId())
        .setAdvancesSortTimestamp(true)
        .setOtrStatus(ConversationViews.otrStatus(c))
        .setPersisted(true)
        .setEventVersion(ts)
        .setMediumType(
            DeliveryMedium.newBuilder().setMediumType(DeliveryMediumType.DELIVERY_MEDIUM_BABEL));
    Event built = event.build();
    StoreTransaction tx = w.tx();
    boolean offTheRecord =
        built.getOtrStatus()
            == dev.parley.proto.Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD;
    tx.insertEvent(
        new StoredEvent(
            built.getEventId(),
            c.id(),
            ts,
            senderId,
            clientGeneratedId,
            offTheRecord,
            built.toByteArray()));
    ConversationRecord touched = c.touchedByEvent(ts);
    tx.updateConversation(touched);
    List<Membership> memberships = new ArrayList<>(snapshot.memberships().size());
    for (Membership m : snapshot.memberships()) {
      Membership updated = m;
      if (m.isCurrent()) {
        if (m.accountId().equals(senderId) && m.latestReadTimestamp() < ts) {
          updated = updated.withLatestRead(ts, ts);
        }
        if (m.view() == ConversationView.CONVERSATION_VIEW_ARCHIVED_VALUE) {
          updated = updated.withView(ConversationView.CONVERSATION_VIEW_INBOX_VALUE, ts);
        }
        if (updated != m) {
          tx.upsertMembership(updated);
        }
      }
      memberships.add(updated);
    }
    return new Stored(
        built, new ConversationSnapshot(touched, List.copyOf(memberships), snapshot.accounts()));
  }

  /**
   * After the commit, pushes the event with the conversation as each recipient sees it, to every
   * current participant and the extra recipients (a removed participant gets its LEAVE event).
   */
  void pushEvent(
      WriteScope w, String conversationId, Event event, Collection<String> extraRecipients) {
    ConversationSnapshot after =
        ConversationSnapshot.load(w.tx(), w.tx().conversation(conversationId).orElseThrow());
    pushEvent(w, after, event, extraRecipients);
  }

  /**
   * As {@link #pushEvent(WriteScope, String, Event, Collection)}, with the conversation as this
   * transaction left it already at hand. The update is built and encoded once for everybody after
   * the commit, each recipient's own state spliced in ({@link Pusher#prepareConversationPush}).
   */
  void pushEvent(
      WriteScope w, ConversationSnapshot after, Event event, Collection<String> extraRecipients) {
    Set<String> recipients = new LinkedHashSet<>(after.currentIds());
    recipients.addAll(extraRecipients);
    w.afterCommitPrepared(
        () -> {
          StateUpdate update =
              StateUpdate.newBuilder()
                  .setStateUpdateHeader(header())
                  .setConversation(ConversationViews.shared(after))
                  .setEventNotification(EventNotification.newBuilder().setEvent(event))
                  .build();
          Map<String, UserConversationState> selfStates = new LinkedHashMap<>();
          List<String> stateless = new ArrayList<>();
          for (String recipient : recipients) {
            Optional<Membership> m = after.membershipOf(recipient);
            if (m.isPresent()) {
              selfStates.put(recipient, ConversationViews.selfState(after.conversation(), m.get()));
            } else {
              stateless.add(recipient); // never a participant: the shared view is all it sees
            }
          }
          Runnable publication = pusher.prepareConversationPush(update, selfStates);
          return () -> {
            publication.run();
            stateless.forEach(recipient -> pusher.push(recipient, update, null));
          };
        });
  }

  StateUpdateHeader header() {
    return StateUpdateHeader.newBuilder().setCurrentServerTime(time.nowMicros()).build();
  }

  static Event parseEvent(StoredEvent stored) {
    try {
      return Event.parseFrom(stored.payload());
    } catch (InvalidProtocolBufferException e) {
      throw new ServerException("stored event " + stored.eventId() + " is corrupt", e);
    }
  }
}
