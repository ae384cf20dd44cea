package dev.parley.server.conversations;

import dev.parley.proto.Hangouts.Attachment;
import dev.parley.proto.Hangouts.ChatMessage;
import dev.parley.proto.Hangouts.ChatMessageSpec;
import dev.parley.proto.Hangouts.EmbedItem;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventType;
import dev.parley.proto.Hangouts.ItemType;
import dev.parley.proto.Hangouts.MessageContent;
import dev.parley.proto.Hangouts.PlusPhoto;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import dev.parley.proto.Hangouts.UserEventState;
import dev.parley.server.rpc.RpcContext;
import dev.parley.server.rpc.RpcRefusedException;
import dev.parley.server.storage.MediaRecord;
import dev.parley.server.storage.StoreTransaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** {@code conversations/sendchatmessage}: validate, store once, push to every participant. */
public final class MessagingRpcs {
  /** At most this much text (UTF-8 bytes) in one message. */
  public static final int MAX_TEXT_BYTES = 64 * 1024;

  /** How long a client_generated_id is remembered. */
  public static final long DEDUP_WINDOW_MICROS = 24L * 3600 * 1_000_000;

  private final ConversationSupport s;

  public MessagingRpcs(ConversationSupport support) {
    this.s = support;
  }

  public SendChatMessageResponse.Builder sendChatMessage(
      RpcContext ctx, SendChatMessageRequest req) {
    String conversationId = req.getEventRequestHeader().getConversationId().getId();
    String clientGeneratedId =
        req.getEventRequestHeader().hasClientGeneratedId()
            ? Long.toUnsignedString(req.getEventRequestHeader().getClientGeneratedId())
            : null;
    MessageContent content = normalizedContent(req);
    return s.write(
        w -> {
          StoreTransaction tx = w.tx();
          ConversationSnapshot snapshot =
              ConversationSupport.requireCurrent(tx, conversationId, ctx.accountId());
          String scope = "send:" + conversationId;
          if (clientGeneratedId != null) {
            Optional<String> earlier =
                tx.dedupResult(
                    ctx.accountId(),
                    scope,
                    clientGeneratedId,
                    ctx.nowMicros() - DEDUP_WINDOW_MICROS);
            if (earlier.isPresent()) {
              Event original =
                  tx.event(earlier.get()).map(ConversationSupport::parseEvent).orElse(null);
              if (original != null) {
                return SendChatMessageResponse.newBuilder().setCreatedEvent(original);
              }
            }
          }
          MessageContent.Builder withMedia = content.toBuilder();
          MediaRecord photo = null;
          if (req.hasExistingMedia() && req.getExistingMedia().getPhoto().hasPhotoId()) {
            photo = ownPhoto(tx, ctx, req.getExistingMedia().getPhoto().getPhotoId());
            withMedia.addAttachment(photoAttachment(photo));
          }
          if (req.hasLocation() && req.getLocation().hasPlace()) {
            withMedia.addAttachment(
                Attachment.newBuilder()
                    .setEmbedItem(
                        EmbedItem.newBuilder()
                            .addType(ItemType.ITEM_TYPE_PLACE_V2)
                            .setPlace(req.getLocation().getPlace())));
          }
          if (withMedia.getSegmentCount() == 0 && withMedia.getAttachmentCount() == 0) {
            throw new RpcRefusedException("a message needs text, an image or a location");
          }
          Event.Builder event =
              Event.newBuilder()
                  .setEventType(EventType.EVENT_TYPE_REGULAR_CHAT_MESSAGE)
                  .setChatMessage(
                      ChatMessage.newBuilder()
                          .addAllAnnotation(req.getAnnotationList())
                          .setMessageContent(withMedia));
          UserEventState.Builder self =
              UserEventState.newBuilder()
                  .setUserId(ConversationViews.participantId(ctx.accountId()));
          if (clientGeneratedId != null) {
            self.setClientGeneratedId(clientGeneratedId);
          }
          event.setSelfEventState(self);
          ConversationSupport.Stored result =
              s.store(w, snapshot, ctx.accountId(), event, clientGeneratedId, ctx);
          Event stored = result.event();
          if (photo != null) {
            tx.grantMedia(photo.id(), conversationId); // after the timestamp: see WriteScope
          }
          if (clientGeneratedId != null) {
            tx.insertDedup(
                ctx.accountId(), scope, clientGeneratedId, stored.getEventId(), ctx.nowMicros());
          }
          s.pushEvent(w, result.after(), stored, List.of());
          return SendChatMessageResponse.newBuilder().setCreatedEvent(stored);
        });
  }

  /** The request's segments, from message_content or chat_message_spec, with types set. */
  private static MessageContent normalizedContent(SendChatMessageRequest req) {
    List<Segment> segments = req.getMessageContent().getSegmentList();
    if (segments.isEmpty() && req.getChatMessageSpecCount() > 0) {
      segments =
          req.getChatMessageSpecList().stream()
              .map(ChatMessageSpec::getSegmentList)
              .flatMap(List::stream)
              .toList();
    }
    MessageContent.Builder content = MessageContent.newBuilder();
    long textBytes = 0;
    for (Segment segment : segments) {
      Segment.Builder b = segment.toBuilder();
      if (!segment.hasType()) {
        b.setType(SegmentType.SEGMENT_TYPE_TEXT);
      }
      if (segment.getType() == SegmentType.SEGMENT_TYPE_LINK && !segment.hasLinkData()) {
        b.setType(SegmentType.SEGMENT_TYPE_TEXT);
      }
      textBytes += segment.getText().getBytes(StandardCharsets.UTF_8).length;
      if (textBytes > MAX_TEXT_BYTES) {
        throw new RpcRefusedException("message text is over " + MAX_TEXT_BYTES + " bytes");
      }
      content.addSegment(b);
    }
    return content.build();
  }

  private static MediaRecord ownPhoto(StoreTransaction tx, RpcContext ctx, String photoId) {
    return tx.media(photoId)
        .filter(m -> m.complete() && m.ownerId().equals(ctx.accountId()))
        .orElseThrow(() -> new RpcRefusedException("no uploaded image " + photoId + " of yours"));
  }

  private Attachment photoAttachment(MediaRecord media) {
    String url = s.publicUrl + "/media/" + media.id();
    int thumbWidth = Math.min(media.width(), 512);
    long thumbHeight =
        media.width() == 0 ? media.height() : (long) media.height() * thumbWidth / media.width();
    PlusPhoto photo =
        PlusPhoto.newBuilder()
            .setThumbnail(
                PlusPhoto.Thumbnail.newBuilder()
                    .setUrl(url + "?w=" + thumbWidth)
                    .setImageUrl(url + "?w=" + thumbWidth)
                    .setWidthPx(thumbWidth)
                    .setHeightPx(thumbHeight))
            .setOwnerObfuscatedId(media.ownerId())
            .setPhotoId(media.id())
            .setUrl(url)
            .setOriginalContentUrl(url)
            .setMediaType(
                "image/gif".equals(media.contentType())
                    ? PlusPhoto.MediaType.MEDIA_TYPE_ANIMATED_PHOTO
                    : PlusPhoto.MediaType.MEDIA_TYPE_PHOTO)
            .build();
    return Attachment.newBuilder()
        .setEmbedItem(
            EmbedItem.newBuilder()
                .addType(ItemType.ITEM_TYPE_PLUS_PHOTO)
                .setId(media.id())
                .setPlusPhoto(photo))
        .build();
  }
}
