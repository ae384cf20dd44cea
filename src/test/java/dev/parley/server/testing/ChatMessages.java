package dev.parley.server.testing;

import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.EventRequestHeader;
import dev.parley.proto.Hangouts.Formatting;
import dev.parley.proto.Hangouts.MessageContent;
import dev.parley.proto.Hangouts.RequestHeader;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import dev.parley.proto.Hangouts.SendChatMessageRequest;

/** A plain-text sendchatmessage request shaped as hangups builds one. */
public final class ChatMessages {
  private ChatMessages() {}

  public static SendChatMessageRequest text(
      RequestHeader header, String conversationId, String text, long clientGeneratedId) {
    return SendChatMessageRequest.newBuilder()
        .setRequestHeader(header)
        .setEventRequestHeader(
            EventRequestHeader.newBuilder()
                .setConversationId(ConversationId.newBuilder().setId(conversationId))
                .setClientGeneratedId(clientGeneratedId))
        .setMessageContent(
            MessageContent.newBuilder()
                .addSegment(
                    Segment.newBuilder()
                        .setType(SegmentType.SEGMENT_TYPE_TEXT)
                        .setText(text)
                        .setFormatting(
                            Formatting.newBuilder()
                                .setBold(false)
                                .setItalic(false)
                                .setStrikethrough(false)
                                .setUnderline(false))))
        .build();
  }
}
