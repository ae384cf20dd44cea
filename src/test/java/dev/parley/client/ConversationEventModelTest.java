package dev.parley.client;

import static dev.parley.client.ModelFixtures.ALICE;
import static dev.parley.client.ModelFixtures.chat;
import static dev.parley.client.ModelFixtures.event;
import static dev.parley.client.ModelFixtures.id;
import static dev.parley.client.ModelFixtures.pid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationEventModelTest {
  private static Hangouts.Attachment photo(String imageUrl, long w, long h) {
    return Hangouts.Attachment.newBuilder()
        .setEmbedItem(
            Hangouts.EmbedItem.newBuilder()
                .addType(Hangouts.ItemType.ITEM_TYPE_PLUS_PHOTO)
                .setPlusPhoto(
                    Hangouts.PlusPhoto.newBuilder()
                        .setPhotoId("p1")
                        .setUrl("http://s/media/p1")
                        .setThumbnail(
                            Hangouts.PlusPhoto.Thumbnail.newBuilder()
                                .setImageUrl(imageUrl)
                                .setWidthPx(w)
                                .setHeightPx(h))))
        .build();
  }

  @Test
  void chatMessageTextIsSegmentTextsWithLineBreaksThenOneLinePerImage() {
    Hangouts.Event e = chat("c", "e1", ALICE, 1_500_000_001_000_000L, "hello **you**\nsee x.com/a");
    Hangouts.Event withImage =
        e.toBuilder()
            .setChatMessage(
                e.getChatMessage().toBuilder()
                    .setMessageContent(
                        e.getChatMessage().getMessageContent().toBuilder()
                            .addAttachment(photo("http://s/media/p1?w=400", 400, 300))))
            .build();

    ChatMessageEvent message = (ChatMessageEvent) ConversationEvent.wrap(withImage);

    assertThat(message.getText()).isEqualTo("hello you\nsee x.com/a\nhttp://s/media/p1?w=400");
    assertThat(message.getSegments())
        .extracting(ChatMessageSegment::type)
        .contains(SegmentType.LINE_BREAK, SegmentType.LINK);
    assertThat(message.getAttachments()).containsExactly("http://s/media/p1?w=400");
    assertThat(message.getImages())
        .containsExactly(
            new ImageAttachment(
                "http://s/media/p1?w=400", "http://s/media/p1", "p1", 400, 300, false));
  }

  @Test
  void anImageWithoutTextIsAnEmptyLineThenItsUrl() {
    Hangouts.Event e =
        event("c", "e1", ALICE, 1)
            .setChatMessage(
                Hangouts.ChatMessage.newBuilder()
                    .setMessageContent(
                        Hangouts.MessageContent.newBuilder().addAttachment(photo("u", 1, 1))))
            .build();

    assertThat(((ChatMessageEvent) ConversationEvent.wrap(e)).getText()).isEqualTo("\nu");
  }

  @Test
  void commonPropertiesComeFromTheEvent() {
    Hangouts.Event e =
        chat("conv-1", "ev-9", ALICE, 1_500_000_001_000_001L, "x").toBuilder()
            .setSelfEventState(Hangouts.UserEventState.newBuilder().setClientGeneratedId("42"))
            .build();

    ConversationEvent event = ConversationEvent.wrap(e);

    assertThat(event.getId()).isEqualTo("ev-9");
    assertThat(event.getConversationId()).isEqualTo("conv-1");
    assertThat(event.getUserId()).isEqualTo(id(ALICE));
    assertThat(event.getTimestampMicros()).isEqualTo(1_500_000_001_000_001L);
    assertThat(event.getTimestamp()).isEqualTo(Instant.ofEpochSecond(1_500_000_001L, 1_000));
    assertThat(event.getClientGeneratedId()).isEqualTo("42");
    assertThat(ConversationEvent.wrap(chat("c", "e", ALICE, 1, "x")).getClientGeneratedId())
        .isNull();
  }

  @Test
  void eachKindOfEventBecomesItsOwnClass() {
    ConversationEvent otr =
        ConversationEvent.wrap(
            event("c", "1", ALICE, 1)
                .setOtrModification(
                    Hangouts.OTRModification.newBuilder()
                        .setOldOtrStatus(
                            Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_ON_THE_RECORD)
                        .setNewOtrStatus(
                            Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD))
                .build());
    ConversationEvent rename =
        ConversationEvent.wrap(
            event("c", "2", ALICE, 2)
                .setConversationRename(
                    Hangouts.ConversationRename.newBuilder().setOldName("a").setNewName("b"))
                .build());
    ConversationEvent membership =
        ConversationEvent.wrap(
            event("c", "3", ALICE, 3)
                .setMembershipChange(
                    Hangouts.MembershipChange.newBuilder()
                        .setType(Hangouts.MembershipChangeType.MEMBERSHIP_CHANGE_TYPE_LEAVE)
                        .addParticipantIds(pid("7")))
                .build());
    ConversationEvent hangout =
        ConversationEvent.wrap(
            event("c", "4", ALICE, 4)
                .setHangoutEvent(
                    Hangouts.HangoutEvent.newBuilder()
                        .setEventType(Hangouts.HangoutEventType.HANGOUT_EVENT_TYPE_START))
                .build());
    ConversationEvent link =
        ConversationEvent.wrap(
            event("c", "5", ALICE, 5)
                .setGroupLinkSharingModification(
                    Hangouts.GroupLinkSharingModification.newBuilder()
                        .setNewStatus(Hangouts.GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON))
                .build());
    ConversationEvent other = ConversationEvent.wrap(event("c", "6", ALICE, 6).build());

    assertThat(((OtrEvent) otr).getNewOtrStatus()).isEqualTo(OffTheRecordStatus.OFF_THE_RECORD);
    assertThat(((OtrEvent) otr).getOldOtrStatus()).isEqualTo(OffTheRecordStatus.ON_THE_RECORD);
    assertThat(((RenameEvent) rename).getNewName()).isEqualTo("b");
    assertThat(((RenameEvent) rename).getOldName()).isEqualTo("a");
    assertThat(((MembershipChangeEvent) membership).getType())
        .isEqualTo(MembershipChangeType.LEAVE);
    assertThat(((MembershipChangeEvent) membership).getParticipantIds()).containsExactly(id("7"));
    assertThat(((HangoutEvent) hangout).getEventType()).isEqualTo(HangoutEventType.START);
    assertThat(((GroupLinkSharingModificationEvent) link).getNewStatus())
        .isEqualTo(GroupLinkSharingStatus.ON);
    assertThat(other.getClass()).isEqualTo(ConversationEvent.class);
  }

  @Test
  void eventsWrappingTheSameMessageAreEqual() {
    Hangouts.Event e = chat("c", "e1", ALICE, 1, "x");

    assertThat(ConversationEvent.wrap(e)).isEqualTo(ConversationEvent.wrap(e));
    assertThat(ConversationEvent.wrap(e)).hasSameHashCodeAs(ConversationEvent.wrap(e));
  }
}
