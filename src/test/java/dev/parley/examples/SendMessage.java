package dev.parley.examples;

import dev.parley.client.ChatMessageSegment;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.EventRequestHeader;
import dev.parley.proto.Hangouts.MessageContent;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import java.io.PrintStream;

/**
 * hangups' {@code send_message.py}: sends a chat message to a conversation with the low-level API.
 *
 * <pre>--conversation ID --message TEXT</pre>
 */
public final class SendMessage {
  private SendMessage() {}

  public static void main(String[] args) throws Exception {
    ExampleArgs.main(args, SendMessage::sendMessage);
  }

  /** Sends {@code --message} to {@code --conversation}; prints the new event's id. */
  public static void sendMessage(ExampleArgs args, PrintStream out) throws Exception {
    String conversationId = ExampleArgs.require(args.conversation(), "--conversation");
    String text = ExampleArgs.require(args.message(), "--message");
    args.run(
        out,
        client -> {
          // The request, as a protocol buffer; the text's markup becomes formatted segments.
          SendChatMessageRequest.Builder request =
              SendChatMessageRequest.newBuilder()
                  .setRequestHeader(client.getRequestHeader())
                  .setEventRequestHeader(
                      EventRequestHeader.newBuilder()
                          .setConversationId(ConversationId.newBuilder().setId(conversationId))
                          .setClientGeneratedId(client.getClientGeneratedId()));
          MessageContent.Builder content = request.getMessageContentBuilder();
          for (ChatMessageSegment segment : ChatMessageSegment.fromString(text)) {
            content.addSegment(segment.serialize());
          }

          // Make the request; the response carries the event the server created.
          SendChatMessageResponse response =
              ExampleArgs.await(client.sendChatMessage(request.build()));
          out.println("sent message " + response.getCreatedEvent().getEventId());
        });
  }
}
