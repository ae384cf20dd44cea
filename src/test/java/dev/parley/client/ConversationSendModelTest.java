package dev.parley.client;

import static dev.parley.client.ModelFixtures.ALICE;
import static dev.parley.client.ModelFixtures.SELF;
import static dev.parley.client.ModelFixtures.chat;
import static dev.parley.client.ModelFixtures.eventUpdate;
import static dev.parley.client.ModelFixtures.oneToOne;
import static dev.parley.client.ModelFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConversationSendModelTest {
  private final FakeHangoutsApi api = new FakeHangoutsApi();
  private final List<String> heard = new ArrayList<>();

  private Conversation build(Hangouts.Conversation conversation) {
    ConversationList list = ModelFixtures.build(api, state(conversation)).conversationList();
    list.onEvent().addObserver(e -> heard.add(e.getId()));
    return list.get(conversation.getConversationId().getId());
  }

  private static SendChatMessageResponse sent(
      String eventId, long ts, String text, long clientGeneratedId) {
    return SendChatMessageResponse.newBuilder()
        .setCreatedEvent(
            chat("c1", eventId, SELF, ts, text).toBuilder()
                .setSelfEventState(
                    Hangouts.UserEventState.newBuilder()
                        .setClientGeneratedId(Long.toUnsignedString(clientGeneratedId))))
        .build();
  }

  private List<String> sentTexts() {
    return api.requests(SendChatMessageRequest.class).stream()
        .map(r -> r.getMessageContent().getSegment(0).getText())
        .toList();
  }

  @Test
  void aMessageCarriesItsSegmentsTheExpectedHistoryModeAndTheDefaultMedium() {
    Hangouts.Conversation conv =
        oneToOne("c1", ALICE).toBuilder()
            .setOtrStatus(Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD)
            .build();
    Conversation c = build(conv);
    api.respond(SendChatMessageResponse.class, sent("m1", 10, "hi", 1000));

    ChatMessageEvent event = c.sendMessage(ChatMessageSegment.fromString("hi **there**")).join();

    SendChatMessageRequest request = api.lastRequest(SendChatMessageRequest.class);
    assertThat(request.getMessageContent().getSegmentList())
        .extracting(Hangouts.Segment::getText)
        .containsExactly("hi ", "there");
    assertThat(request.getMessageContent().getSegment(1).getFormatting().getBold()).isTrue();
    Hangouts.EventRequestHeader header = request.getEventRequestHeader();
    assertThat(header.getConversationId().getId()).isEqualTo("c1");
    assertThat(header.getExpectedOtr())
        .isEqualTo(Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD);
    assertThat(header.getDeliveryMedium().getMediumType())
        .isEqualTo(Hangouts.DeliveryMediumType.DELIVERY_MEDIUM_BABEL);
    assertThat(header.hasClientGeneratedId()).isTrue();
    assertThat(request.hasExistingMedia()).isFalse();
    assertThat(event.getId()).isEqualTo("m1");
  }

  @Test
  void theCurrentDefaultMediumWinsOverTheFirstOption() {
    Hangouts.Conversation.Builder conv = oneToOne("c1", ALICE).toBuilder();
    conv.getSelfConversationStateBuilder()
        .clearDeliveryMediumOption()
        .addDeliveryMediumOption(
            Hangouts.DeliveryMediumOption.newBuilder()
                .setDeliveryMedium(
                    Hangouts.DeliveryMedium.newBuilder()
                        .setMediumType(Hangouts.DeliveryMediumType.DELIVERY_MEDIUM_BABEL)))
        .addDeliveryMediumOption(
            Hangouts.DeliveryMediumOption.newBuilder()
                .setCurrentDefault(true)
                .setDeliveryMedium(
                    Hangouts.DeliveryMedium.newBuilder()
                        .setMediumType(Hangouts.DeliveryMediumType.DELIVERY_MEDIUM_GOOGLE_VOICE)));
    Conversation c = build(conv.build());

    c.sendMessage(List.of(ChatMessageSegment.text("x")));

    assertThat(
            api.lastRequest(SendChatMessageRequest.class)
                .getEventRequestHeader()
                .getDeliveryMedium()
                .getMediumType())
        .isEqualTo(Hangouts.DeliveryMediumType.DELIVERY_MEDIUM_GOOGLE_VOICE);
  }

  @Test
  void aSecondMessageWaitsUntilASlowFirstOneIsSent() {
    Conversation c = build(oneToOne("c1", ALICE));
    CompletableFuture<SendChatMessageResponse> slow =
        api.respondLater(SendChatMessageResponse.class);
    api.respond(SendChatMessageResponse.class, sent("m2", 20, "second", 1001));

    CompletableFuture<ChatMessageEvent> first =
        c.sendMessage(List.of(ChatMessageSegment.text("first")));
    CompletableFuture<ChatMessageEvent> second =
        c.sendMessage(List.of(ChatMessageSegment.text("second")));

    assertThat(sentTexts()).containsExactly("first");
    assertThat(second).isNotDone();

    slow.complete(sent("m1", 10, "first", 1000));

    assertThat(sentTexts()).containsExactly("first", "second");
    assertThat(first.join().getId()).isEqualTo("m1");
    assertThat(second.join().getId()).isEqualTo("m2");
    assertThat(heard).containsExactly("m1", "m2");
  }

  @Test
  void aFailedSendStillLetsTheNextOneGo() {
    Conversation c = build(oneToOne("c1", ALICE));
    CompletableFuture<SendChatMessageResponse> slow =
        api.respondLater(SendChatMessageResponse.class);

    CompletableFuture<ChatMessageEvent> first =
        c.sendMessage(List.of(ChatMessageSegment.text("first")));
    CompletableFuture<ChatMessageEvent> second =
        c.sendMessage(List.of(ChatMessageSegment.text("second")));
    slow.completeExceptionally(new NetworkException("lost"));

    assertThat(first).isCompletedExceptionally();
    assertThat(sentTexts()).containsExactly("first", "second");
    assertThat(second).isCompletedExceptionally(); // the fake sent no event back
  }

  @Test
  void sendsOfDifferentConversationsDoNotWaitForEachOther() {
    ConversationList list =
        ModelFixtures.build(
                api, state(oneToOne("c1", ALICE)), state(oneToOne("c2", ModelFixtures.BOB)))
            .conversationList();
    api.respondLater(SendChatMessageResponse.class);

    list.get("c1").sendMessage(List.of(ChatMessageSegment.text("slow")));
    list.get("c2").sendMessage(List.of(ChatMessageSegment.text("fast")));

    assertThat(sentTexts()).containsExactly("slow", "fast");
  }

  @Test
  void anImageToUploadIsUploadedInSendOrderThenAttached() {
    Conversation c = build(oneToOne("c1", ALICE));
    CompletableFuture<SendChatMessageResponse> slow =
        api.respondLater(SendChatMessageResponse.class);
    List<Long> progress = new ArrayList<>();

    c.sendMessage(List.of(ChatMessageSegment.text("before")));
    c.sendMessage(
        List.of(),
        MessageImage.upload(new byte[8], "cat.png", (sent, total) -> progress.add(sent)));
    assertThat(api.uploads()).isEmpty();

    slow.complete(sent("m1", 10, "before", 1000));

    assertThat(api.uploads()).hasSize(1);
    assertThat(progress).containsExactly(4L, 8L);
    SendChatMessageRequest request = api.lastRequest(SendChatMessageRequest.class);
    assertThat(request.getExistingMedia().getPhoto().getPhotoId()).isEqualTo("photo-1");
    assertThat(request.getExistingMedia().getPhoto().getIsCustomUserId()).isFalse();
  }

  @Test
  void aPhotoOfAnotherUserIsMarkedAsSuch() {
    Conversation c = build(oneToOne("c1", ALICE));

    c.sendMessage(List.of(), MessageImage.existing("sticker-1", "sticker-owner"));
    c.sendMessage(List.of(), MessageImage.uploaded(new UploadedImage("p9", "http://x")));

    List<SendChatMessageRequest> requests = api.requests(SendChatMessageRequest.class);
    Hangouts.Photo sticker = requests.get(0).getExistingMedia().getPhoto();
    assertThat(sticker.getPhotoId()).isEqualTo("sticker-1");
    assertThat(sticker.getUserId()).isEqualTo("sticker-owner");
    assertThat(sticker.getIsCustomUserId()).isTrue();
    assertThat(requests.get(1).getExistingMedia().getPhoto().getPhotoId()).isEqualTo("p9");
  }

  @Test
  void theSentMessageIsDeliveredOnceWhenTheChannelBringsItToo() {
    Conversation c = build(oneToOne("c1", ALICE));
    api.respond(SendChatMessageResponse.class, sent("m1", 10, "hi", 1000));

    c.sendMessage(List.of(ChatMessageSegment.text("hi"))).join();
    api.fire(eventUpdate(sent("m1", 10, "hi", 1000).getCreatedEvent()));

    assertThat(heard).containsExactly("m1");
    assertThat(c.getEvents()).hasSize(1);
    assertThat(c.getUnreadEvents()).isEmpty();
  }

  @Test
  void aPendingMessageKnowsTheIdItsEventWillCarry() {
    Conversation c = build(oneToOne("c1", ALICE));
    CompletableFuture<SendChatMessageResponse> slow =
        api.respondLater(SendChatMessageResponse.class);

    PendingMessage pending = c.enqueueMessage(List.of(ChatMessageSegment.text("hi")), null, -2L);
    assertThat(pending.clientGeneratedId()).isEqualTo("18446744073709551614");
    assertThat(
            api.lastRequest(SendChatMessageRequest.class)
                .getEventRequestHeader()
                .getClientGeneratedId())
        .isEqualTo(-2L);

    api.fire(eventUpdate(sent("m1", 10, "hi", -2L).getCreatedEvent()));
    assertThat(c.getEvent("m1").getClientGeneratedId()).isEqualTo(pending.clientGeneratedId());

    slow.complete(sent("m1", 10, "hi", -2L));
    assertThat(pending.result().join().getClientGeneratedId())
        .isEqualTo(pending.clientGeneratedId());
    assertThat(heard).containsExactly("m1");
  }
}
