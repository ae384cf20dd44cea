package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.EmbedItem;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.ExistingMedia;
import dev.parley.proto.Hangouts.ItemType;
import dev.parley.proto.Hangouts.Photo;
import dev.parley.proto.Hangouts.PlusPhoto;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.server.testing.HangoutsTestClient;
import dev.parley.server.testing.TestChannel;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Images end to end (PROTOCOL.md section 8): the two-step upload as hangups does it, sending the
 * photo in a message, and who may fetch it afterwards.
 */
abstract class ImagesContract extends ServerTestBase {

  @Test
  void uploadedPhotoIsSentAsAPlusPhotoThatOnlyTheConversationsParticipantsMayFetch() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    TestChannel bobChannel = channel(bobClient);
    byte[] png = Uploads.png(300, 200);
    Map<?, ?> uploaded = Uploads.upload(aliceClient, "kitten.png", png);
    String photoId = (String) uploaded.get("photoid");
    String mediaUrl = fixture.url() + "/media/" + photoId;
    assertThat(photoId).isNotBlank();
    assertThat(uploaded.get("url")).isEqualTo(mediaUrl);

    HttpResponse<byte[]> ownCopy = Uploads.fetch(aliceClient, mediaUrl);
    assertThat(ownCopy.statusCode()).as("the uploader before sending").isEqualTo(200);
    assertThat(ownCopy.body()).isEqualTo(png);
    assertThat(Uploads.fetch(bobClient, mediaUrl).statusCode())
        .as("bob before it is sent to him")
        .isEqualTo(404);

    Event sent = assertOk(sendPhoto(aliceClient, conversationId, photoId)).getCreatedEvent();
    PlusPhoto photo = plusPhotoOf(sent);
    assertThat(photo.getUrl()).isEqualTo(mediaUrl);
    assertThat(photo.getOriginalContentUrl()).isEqualTo(mediaUrl);
    assertThat(photo.getPhotoId()).isEqualTo(photoId);
    assertThat(photo.getMediaType()).isEqualTo(PlusPhoto.MediaType.MEDIA_TYPE_PHOTO);
    assertThat(photo.getThumbnail().getUrl()).startsWith(mediaUrl);
    assertThat(photo.getThumbnail().getImageUrl()).startsWith(mediaUrl);
    assertThat(photo.getThumbnail().getWidthPx()).isBetween(1L, 300L);
    assertThat(photo.getThumbnail().getHeightPx() * 3)
        .as("thumbnail keeps the 3:2 aspect")
        .isEqualTo(photo.getThumbnail().getWidthPx() * 2);

    StateUpdate pushed =
        bobChannel.await(
            u -> u.getEventNotification().getEvent().getEventId().equals(sent.getEventId()), WAIT);
    assertThat(plusPhotoOf(pushed.getEventNotification().getEvent()))
        .as("the photo as pushed (pblite, field 27639957)")
        .isEqualTo(photo);

    HttpResponse<byte[]> original = Uploads.fetch(bobClient, mediaUrl);
    assertThat(original.statusCode()).as("bob after it was sent").isEqualTo(200);
    assertThat(original.headers().firstValue("content-type")).hasValue("image/png");
    assertThat(original.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(original.body()).isEqualTo(png);

    HttpResponse<byte[]> small = Uploads.fetch(bobClient, mediaUrl + "?w=64");
    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(small.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
    assertThat(small.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    BufferedImage thumbnail = Uploads.decode(small.body());
    assertThat(thumbnail.getWidth()).isBetween(1, 64);
    assertThat(thumbnail.getHeight()).isLessThan(200);
    assertThat(Uploads.fetch(bobClient, photo.getThumbnail().getImageUrl()).statusCode())
        .as("the thumbnail URL of the event")
        .isEqualTo(200);

    assertThat(Uploads.fetch(carolClient, mediaUrl).statusCode()).as("a stranger").isEqualTo(404);
    assertThat(Uploads.fetch(carolClient, mediaUrl + "?w=64").statusCode())
        .as("a stranger, thumbnail")
        .isEqualTo(404);
  }

  @Test
  void textUploadsUnknownUploadIdsAndOtherPeoplesUploadIdsGetTheRefusal() {
    byte[] text = "just some text, no image\n".getBytes(StandardCharsets.UTF_8);
    Map<?, ?> notAnImage =
        Uploads.put(aliceClient, Uploads.putUrl(aliceClient, "notes.png", text.length), text);
    assertThat(Uploads.completionInfo(notAnImage)).as("a text file").isNull();
    assertThat(Uploads.refusal(notAnImage))
        .as("refusal of a text file: " + notAnImage)
        .containsEntry("status", "NOT_AN_IMAGE")
        .containsKey("message");

    Map<?, ?> unknown =
        Uploads.put(
            aliceClient,
            fixture.url() + Uploads.PATH + "?upload_id=no-such-upload",
            Uploads.png(10, 10));
    assertThat(Uploads.refusal(unknown))
        .as("refusal of an unknown upload id: " + unknown)
        .containsEntry("status", "NOT_FOUND");

    String alicesUrl = Uploads.putUrl(aliceClient, "mine.png", 100);
    Map<?, ?> hijacked = Uploads.put(bobClient, alicesUrl, Uploads.png(10, 10));
    assertThat(Uploads.refusal(hijacked))
        .as("refusal of someone else's upload id: " + hijacked)
        .containsEntry("status", "NOT_FOUND");
  }

  @Test
  void someoneElsesPhotoCannotBeAttachedNorFetched() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    String bobsPhoto =
        (String) Uploads.upload(bobClient, "bob.png", Uploads.png(40, 40)).get("photoid");
    SendChatMessageResponse refused = sendPhoto(aliceClient, conversationId, bobsPhoto);
    assertRefused(refused);
    assertThat(Uploads.fetch(aliceClient, fixture.url() + "/media/" + bobsPhoto).statusCode())
        .isEqualTo(404);
    assertThat(
            Requests.getConversation(bobClient, conversationId)
                .getConversationState()
                .getEventList())
        .as("nothing was sent")
        .isEmpty();
    assertRefused(sendPhoto(aliceClient, conversationId, "no-such-photo"));
  }

  @Test
  void mediaNeedsASignedInSession() {
    String photoId =
        (String) Uploads.upload(aliceClient, "a.png", Uploads.png(20, 20)).get("photoid");
    HttpResponse<byte[]> anonymous =
        aliceClient.send(
            HttpRequest.newBuilder(URI.create(fixture.url() + "/media/" + photoId)).build());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private static SendChatMessageResponse sendPhoto(
      HangoutsTestClient client, String conversationId, String photoId) {
    SendChatMessageRequest request =
        Requests.message(client, conversationId, "look", ThreadLocalRandom.current().nextLong())
            .toBuilder()
            .setExistingMedia(
                ExistingMedia.newBuilder().setPhoto(Photo.newBuilder().setPhotoId(photoId)))
            .build();
    return client.rpc(
        "conversations/sendchatmessage", request, SendChatMessageResponse.getDefaultInstance());
  }

  private static PlusPhoto plusPhotoOf(Event event) {
    assertThat(event.getChatMessage().getMessageContent().getAttachmentList()).hasSize(1);
    EmbedItem embed = event.getChatMessage().getMessageContent().getAttachment(0).getEmbedItem();
    assertThat(embed.getTypeList()).containsExactly(ItemType.ITEM_TYPE_PLUS_PHOTO);
    assertThat(embed.hasPlusPhoto()).isTrue();
    return embed.getPlusPhoto();
  }
}
