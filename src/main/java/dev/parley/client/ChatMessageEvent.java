package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.util.ArrayList;
import java.util.List;

/** hangups' {@code ChatMessageEvent}: a message added to a conversation. Immutable. */
public final class ChatMessageEvent extends ConversationEvent {
  /** The annotation type of a "/me" action. */
  private static final int ME_ACTION_ANNOTATION = 4;

  private final List<ChatMessageSegment> segments;
  private final List<ImageAttachment> images;

  ChatMessageEvent(Hangouts.Event event) {
    super(event);
    Hangouts.MessageContent content = event.getChatMessage().getMessageContent();
    List<ChatMessageSegment> segs = new ArrayList<>();
    for (Hangouts.Segment segment : content.getSegmentList()) {
      segs.add(ChatMessageSegment.deserialize(segment));
    }
    this.segments = List.copyOf(segs);
    List<ImageAttachment> imgs = new ArrayList<>();
    for (Hangouts.Attachment attachment : content.getAttachmentList()) {
      if (attachment.getEmbedItem().hasPlusPhoto()) {
        imgs.add(ImageAttachment.fromProto(attachment.getEmbedItem().getPlusPhoto()));
      }
    }
    this.images = List.copyOf(imgs);
  }

  /**
   * hangups' {@code text}: the texts of TEXT and LINK segments, a new line per LINE_BREAK, then one
   * line per image attachment (its URL).
   */
  public String getText() {
    StringBuilder text = new StringBuilder(ChatMessageSegment.toPlainText(segments));
    for (String url : getAttachments()) {
      text.append('\n').append(url);
    }
    return text.toString();
  }

  /** hangups' {@code segments}. */
  public List<ChatMessageSegment> getSegments() {
    return segments;
  }

  /** hangups' {@code attachments}: the URLs of the attached images. */
  public List<String> getAttachments() {
    return images.stream().map(ImageAttachment::url).toList();
  }

  /** The attached images with their sizes. */
  public List<ImageAttachment> getImages() {
    return images;
  }

  /** True for a "/me" action (annotation type 4). */
  public boolean isMeAction() {
    return proto().getChatMessage().getAnnotationList().stream()
        .anyMatch(a -> a.getType() == ME_ACTION_ANNOTATION);
  }
}
