package dev.parley.server.demo;

import dev.parley.proto.Hangouts.AddUserRequest;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.CreateConversationRequest;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventRequestHeader;
import dev.parley.proto.Hangouts.ExistingMedia;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.MessageContent;
import dev.parley.proto.Hangouts.Photo;
import dev.parley.proto.Hangouts.RemoveUserRequest;
import dev.parley.proto.Hangouts.RenameConversationRequest;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SetTypingRequest;
import dev.parley.proto.Hangouts.TypingType;
import dev.parley.proto.Hangouts.UpdateWatermarkRequest;
import dev.parley.server.http.Caller;
import dev.parley.server.media.MediaException;
import dev.parley.server.media.StoredMedia;
import dev.parley.server.people.Entities;
import dev.parley.server.rpc.RpcContext;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.MediaRecord;
import dev.parley.server.storage.Store;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What demo people do, each through the same service a client's request reaches: every call takes
 * the acting account and the time it happens at (past times while seeding, now afterwards).
 */
final class DemoActions {
  /** The sign-in session demo actions claim; no real session has this hash. */
  static final String SID_HASH = "demo";

  private static final Logger LOG = LoggerFactory.getLogger(DemoActions.class);

  private final Store store;
  private final DemoServices services;

  DemoActions(Store store, DemoServices services) {
    this.store = store;
    this.services = services;
  }

  /** The one-to-one conversation between the two, created if there is none yet. */
  String oneToOne(Account from, Account other, long atMicros) {
    CreateConversationRequest request =
        CreateConversationRequest.newBuilder()
            .setType(ConversationType.CONVERSATION_TYPE_ONE_TO_ONE)
            .addInviteeId(InviteeID.newBuilder().setGaiaId(other.id()))
            .build();
    return services
        .management()
        .createConversation(context(from, atMicros), request)
        .getConversation()
        .getConversationId()
        .getId();
  }

  String group(Account creator, List<Account> others, String name, long atMicros) {
    CreateConversationRequest.Builder request =
        CreateConversationRequest.newBuilder()
            .setType(ConversationType.CONVERSATION_TYPE_GROUP)
            .setName(name);
    others.forEach(o -> request.addInviteeId(InviteeID.newBuilder().setGaiaId(o.id())));
    return services
        .management()
        .createConversation(context(creator, atMicros), request.build())
        .getConversation()
        .getConversationId()
        .getId();
  }

  /** Sends segments and, when {@code photoId} is not null, that image of the sender's. */
  Event send(
      Account from, String conversationId, List<Segment> segments, String photoId, long atMicros) {
    SendChatMessageRequest.Builder request =
        SendChatMessageRequest.newBuilder()
            .setEventRequestHeader(header(conversationId))
            .setMessageContent(MessageContent.newBuilder().addAllSegment(segments));
    if (photoId != null) {
      request.setExistingMedia(
          ExistingMedia.newBuilder().setPhoto(Photo.newBuilder().setPhotoId(photoId)));
    }
    return services
        .messaging()
        .sendChatMessage(context(from, atMicros), request.build())
        .getCreatedEvent();
  }

  void rename(Account by, String conversationId, String newName, long atMicros) {
    services
        .management()
        .renameConversation(
            context(by, atMicros),
            RenameConversationRequest.newBuilder()
                .setEventRequestHeader(header(conversationId))
                .setNewName(newName)
                .build());
  }

  void add(Account by, String conversationId, List<Account> joining, long atMicros) {
    AddUserRequest.Builder request =
        AddUserRequest.newBuilder().setEventRequestHeader(header(conversationId));
    joining.forEach(a -> request.addInviteeId(InviteeID.newBuilder().setGaiaId(a.id())));
    services.membership().addUser(context(by, atMicros), request.build());
  }

  void leave(Account who, String conversationId, long atMicros) {
    services
        .membership()
        .removeUser(
            context(who, atMicros),
            RemoveUserRequest.newBuilder().setEventRequestHeader(header(conversationId)).build());
  }

  /** Marks everything in the conversation up to {@code atMicros} read. */
  void read(Account who, String conversationId, long atMicros) {
    services
        .signals()
        .updateWatermark(
            context(who, atMicros),
            UpdateWatermarkRequest.newBuilder()
                .setConversationId(ConversationId.newBuilder().setId(conversationId))
                .setLastReadTimestamp(atMicros)
                .build());
  }

  void typing(Account who, String conversationId, TypingType type, long atMicros) {
    services
        .signals()
        .setTyping(
            context(who, atMicros),
            SetTypingRequest.newBuilder()
                .setConversationId(ConversationId.newBuilder().setId(conversationId))
                .setType(type)
                .build());
  }

  /** Stores a PNG as a complete upload of {@code owner}'s, ready to be sent; returns its id. */
  String storeImage(Account owner, byte[] png, String fileName, long atMicros) {
    StoredMedia stored;
    try {
      stored = services.mediaFiles().store(new ByteArrayInputStream(png), png.length);
    } catch (MediaException e) {
      throw new IllegalStateException("a generated demo image was refused: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MediaRecord media =
        new MediaRecord(
            services.ids().token(16),
            owner.id(),
            services.ids().token(18),
            fileName,
            stored.info().type().mimeType(),
            stored.info().width(),
            stored.info().height(),
            stored.size(),
            stored.name(),
            true,
            atMicros);
    store.write(
        tx -> {
          tx.insertMedia(media);
          return null;
        });
    return media.id();
  }

  /**
   * Stores the avatar, puts it on the account and lets every signed-in person see it. Returns the
   * updated account.
   */
  Account setAvatar(Account account, byte[] png, long atMicros) {
    String mediaId = storeImage(account, png, "avatar.png", atMicros);
    Account updated =
        store.write(
            tx -> {
              Account current = tx.account(account.id()).orElseThrow();
              Account withAvatar = current.withAvatarMediaId(mediaId);
              tx.updateAccount(withAvatar);
              return withAvatar;
            });
    store.write(
        tx -> {
          tx.grantMedia(mediaId, Entities.PUBLIC_MEDIA); // avatars: every signed-in person
          return null;
        });
    return updated;
  }

  private static RpcContext context(Account who, long atMicros) {
    return new RpcContext(new Caller(who.id(), who.email(), SID_HASH), null, atMicros);
  }

  private static EventRequestHeader header(String conversationId) {
    return EventRequestHeader.newBuilder()
        .setConversationId(ConversationId.newBuilder().setId(conversationId))
        .build();
  }
}
