package dev.parley.examples;

import dev.parley.client.ChatMessageSegment;
import dev.parley.client.UploadedImage;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.EventRequestHeader;
import dev.parley.proto.Hangouts.ExistingMedia;
import dev.parley.proto.Hangouts.Photo;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * hangups' {@code upload_image.py}: uploads an image to get its photo id, then sends a message that
 * shows it (with {@code --message} as its text, if given).
 *
 * <pre>--conversation ID --image FILE [--message TEXT]</pre>
 */
public final class UploadImage {
  private UploadImage() {}

  public static void main(String[] args) throws Exception {
    ExampleArgs.main(args, UploadImage::uploadImage);
  }

  /** Uploads {@code --image} and sends it to {@code --conversation}. */
  public static void uploadImage(ExampleArgs args, PrintStream out) throws Exception {
    String conversationId = ExampleArgs.require(args.conversation(), "--conversation");
    Path file = ExampleArgs.require(args.image(), "--image");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    byte[] bytes = Files.readAllBytes(file);
    args.run(
        out,
        client -> {
          // Upload the image to obtain its photo id. Progress reports arrive in order; show
          // every tenth of the way.
          int[] shown = {-10};
          UploadedImage image =
              ExampleArgs.await(
                  client.uploadImage(
                      bytes,
                      file.getFileName().toString(),
                      (sent, total) -> {
                        int percent = (int) (100 * sent / Math.max(1, total));
                        if (percent >= shown[0] + 10 || (percent == 100 && shown[0] < 100)) {
                          shown[0] = percent;
                          out.printf("uploaded %d%% of %d bytes%n", percent, total);
                        }
                      }));
          out.println("photo id " + image.photoId() + " at " + image.url());

          // Send a chat message referencing the photo id.
          SendChatMessageRequest.Builder request =
              SendChatMessageRequest.newBuilder()
                  .setRequestHeader(client.getRequestHeader())
                  .setEventRequestHeader(
                      EventRequestHeader.newBuilder()
                          .setConversationId(ConversationId.newBuilder().setId(conversationId))
                          .setClientGeneratedId(client.getClientGeneratedId()))
                  .setExistingMedia(
                      ExistingMedia.newBuilder()
                          .setPhoto(Photo.newBuilder().setPhotoId(image.photoId())));
          if (args.message() != null) {
            for (ChatMessageSegment segment : ChatMessageSegment.fromString(args.message())) {
              request.getMessageContentBuilder().addSegment(segment.serialize());
            }
          }
          SendChatMessageResponse response =
              ExampleArgs.await(client.sendChatMessage(request.build()));
          out.println("sent message " + response.getCreatedEvent().getEventId());
        });
  }
}
