package dev.parley.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UninitializedMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire shape of {@code proto/hangouts.proto}: a sample of the seed's field numbers that
 * hangups relies on, and every correction and addition of PROTOCOL.md section 1.
 *
 * <p>Expectations are written as proto declarations ({@code "optional uint64 timestamp = 3"}) and
 * checked against the generated descriptors: label, type (message and enum types by full name) and
 * number.
 */
class HangoutsSchemaTest {

  // The file ------------------------------------------------------------------------------------

  @Test
  void fileDefinesAtLeastOneHundredEightyMessagesAndEnums() {
    assertThat(allMessages().size() + allEnums().size()).isGreaterThanOrEqualTo(180);
  }

  @Test
  void fileHasNoProtoPackageAndGeneratesIntoDevParleyProto() {
    FileDescriptor file = Hangouts.getDescriptor();
    assertThat(file.getPackage()).isEmpty();
    assertThat(file.getOptions().getJavaPackage()).isEqualTo("dev.parley.proto");
    assertThat(Hangouts.Event.getDescriptor().getFullName()).isEqualTo("Event");
  }

  @Test
  void everyTimestampIsUint64() {
    List<String> offenders = new ArrayList<>();
    for (Descriptor message : allMessages()) {
      for (FieldDescriptor field : message.getFields()) {
        String name = field.getName();
        // advances_sort_timestamp is a flag, not a timestamp.
        boolean timestamp =
            (name.contains("timestamp") || name.endsWith("_time"))
                && !name.equals("advances_sort_timestamp");
        if (timestamp && field.getType() != Type.UINT64) {
          offenders.add(field.getFullName());
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  // Seed numbers that matter for the wire -------------------------------------------------------

  @Test
  void eventKeepsItsWireFieldNumbers() {
    assertDeclares(
        Hangouts.Event.getDescriptor(),
        "optional ConversationId conversation_id = 1",
        "optional ParticipantId sender_id = 2",
        "optional uint64 timestamp = 3",
        "optional UserEventState self_event_state = 4",
        "optional ChatMessage chat_message = 7",
        "optional MembershipChange membership_change = 9",
        "optional ConversationRename conversation_rename = 10",
        "optional HangoutEvent hangout_event = 11",
        "optional string event_id = 12",
        "optional OTRModification otr_modification = 14",
        "optional OffTheRecordStatus otr_status = 16",
        "optional EventType event_type = 23",
        "optional GroupLinkSharingModification group_link_sharing_modification = 31");
  }

  @Test
  void segmentRequiresItsTypeAndNumbersTextFormattingAndLinkData() {
    assertDeclares(
        Hangouts.Segment.getDescriptor(),
        "required SegmentType type = 1",
        "optional string text = 2",
        "optional Formatting formatting = 3",
        "optional LinkData link_data = 4");
  }

  @Test
  void segmentWithoutTypeFailsToBuildButParsesPartially() throws InvalidProtocolBufferException {
    assertThatThrownBy(() -> Hangouts.Segment.newBuilder().setText("hi").build())
        .isInstanceOf(UninitializedMessageException.class);

    byte[] untyped = Hangouts.Segment.newBuilder().setText("hi").buildPartial().toByteArray();
    Hangouts.Segment parsed = Hangouts.Segment.parser().parsePartialFrom(untyped);
    assertThat(parsed.getText()).isEqualTo("hi");
    assertThat(parsed.hasType()).isFalse();
  }

  @Test
  void stateUpdateKeepsItsNotificationNumbers() {
    assertDeclares(
        Hangouts.StateUpdate.getDescriptor(),
        "optional StateUpdateHeader state_update_header = 1",
        "optional Conversation conversation = 13",
        "optional ConversationNotification conversation_notification = 2",
        "optional EventNotification event_notification = 3",
        "optional SetFocusNotification focus_notification = 4",
        "optional SetTypingNotification typing_notification = 5",
        "optional SetConversationNotificationLevelNotification notification_level_notification = 6",
        "optional ReplyToInviteNotification reply_to_invite_notification = 7",
        "optional WatermarkNotification watermark_notification = 8",
        "optional ConversationViewModification view_modification = 11",
        "optional EasterEggNotification easter_egg_notification = 12",
        "optional SelfPresenceNotification self_presence_notification = 14",
        "optional DeleteActionNotification delete_notification = 15",
        "optional PresenceNotification presence_notification = 16",
        "optional BlockNotification block_notification = 17");
  }

  @Test
  void stateUpdateCarriesItsNotificationsInOneOneof() {
    Descriptor update = Hangouts.StateUpdate.getDescriptor();
    assertThat(update.getOneofs())
        .singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo("state_update"));
    assertThat(update.getOneofs().get(0).getFieldCount()).isEqualTo(15);
    assertThat(update.findFieldByName("state_update_header").getContainingOneof()).isNull();
    assertThat(update.findFieldByName("conversation").getContainingOneof()).isNull();
  }

  @Test
  void conversationKeepsItsSeedNumbers() {
    assertDeclares(
        Hangouts.Conversation.getDescriptor(),
        "optional ConversationId conversation_id = 1",
        "optional ConversationType type = 2",
        "optional string name = 3",
        "optional UserConversationState self_conversation_state = 4",
        "repeated UserReadState read_state = 8",
        "optional OffTheRecordStatus otr_status = 10",
        "repeated ParticipantId current_participant = 13",
        "repeated ConversationParticipantData participant_data = 14",
        "repeated NetworkType network_type = 18",
        "optional ForceHistory force_history_state = 19");
  }

  @Test
  void sendChatMessageRequestKeepsItsSeedNumbers() {
    assertDeclares(
        Hangouts.SendChatMessageRequest.getDescriptor(),
        "optional RequestHeader request_header = 1",
        "repeated EventAnnotation annotation = 5",
        "optional MessageContent message_content = 6",
        "optional ExistingMedia existing_media = 7",
        "optional EventRequestHeader event_request_header = 8");
  }

  @Test
  void responseStatusNumbersMatchTheProtocol() {
    assertThat(Hangouts.ResponseStatus.RESPONSE_STATUS_OK.getNumber()).isEqualTo(1);
    assertThat(Hangouts.ResponseStatus.RESPONSE_STATUS_UNEXPECTED_ERROR.getNumber()).isEqualTo(3);
    assertThat(Hangouts.ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST.getNumber()).isEqualTo(4);
  }

  @Test
  void notificationLevelQuietIsTenDespiteTheSeedsTypesetting() {
    assertThat(Hangouts.NotificationLevel.NOTIFICATION_LEVEL_QUIET.getNumber()).isEqualTo(10);
    assertThat(Hangouts.NotificationLevel.NOTIFICATION_LEVEL_RING.getNumber()).isEqualTo(30);
  }

  // PROTOCOL.md section 1: every correction and addition ----------------------------------------

  @Test
  void conversationKeepsGroupLinkSharingStatusAtTwentyTwo() {
    assertDeclares(
        Hangouts.Conversation.getDescriptor(),
        "optional GroupLinkSharingStatus group_link_sharing_status = 22");
  }

  @Test
  void conversationHistorySupportedIsBoolAtTwelve() {
    assertDeclares(
        Hangouts.Conversation.getDescriptor(), "optional bool conversation_history_supported = 12");
  }

  @Test
  void stateUpdateCarriesNotificationSettingNotificationAtNineteen() {
    assertDeclares(
        Hangouts.StateUpdate.getDescriptor(),
        "optional SetNotificationSettingNotification notification_setting_notification = 19");
  }

  @Test
  void stateUpdateCarriesRichPresenceEnabledStateNotificationAtTwenty() {
    assertDeclares(
        Hangouts.StateUpdate.getDescriptor(),
        "optional RichPresenceEnabledStateNotification rich_presence_enabled_state_notification"
            + " = 20");
  }

  @Test
  void setGroupLinkSharingEnabledResponseCarriesUpdatedConversationAtThree() {
    assertDeclares(
        Hangouts.SetGroupLinkSharingEnabledResponse.getDescriptor(),
        "optional Conversation updated_conversation = 3");
  }

  @Test
  void doNotDisturbSettingCarriesExpirationTimestampAsUint64AtTwo() {
    assertDeclares(
        Hangouts.DoNotDisturbSetting.getDescriptor(), "optional uint64 expiration_timestamp = 2");
  }

  @Test
  void lastSeenCarriesUsecSinceLastSeenAsUint64AtTwo() {
    assertDeclares(
        Hangouts.LastSeen.getDescriptor(),
        "optional uint64 last_seen_timestamp_usec = 1",
        "optional uint64 usec_since_last_seen = 2");
  }

  @Test
  void presenceCarriesStatusMessageStateAtNine() {
    assertDeclares(
        Hangouts.Presence.getDescriptor(), "optional StatusMessageState status_message = 9");
  }

  @Test
  void statusMessageStateHoldsRepeatedChatMessageSpecsAtOne() {
    assertDeclares(
        Hangouts.StatusMessageState.getDescriptor(), "repeated ChatMessageSpec status_message = 1");
  }

  @Test
  void moodStateCarriesStatusMessageStateAtFour() {
    assertDeclares(
        Hangouts.MoodState.getDescriptor(), "optional StatusMessageState status_message = 4");
  }

  @Test
  void setPresenceRequestCarriesStatusMessageSettingAtEight() {
    assertDeclares(
        Hangouts.SetPresenceRequest.getDescriptor(),
        "optional StatusMessageSetting status_message_setting = 8");
  }

  @Test
  void statusMessageSettingHoldsRepeatedChatMessageSpecsAtOne() {
    assertDeclares(
        Hangouts.StatusMessageSetting.getDescriptor(),
        "repeated ChatMessageSpec status_message = 1");
  }

  @Test
  void chatMessageSpecHoldsRepeatedSegmentsAtOne() {
    assertDeclares(Hangouts.ChatMessageSpec.getDescriptor(), "repeated Segment segment = 1");
  }

  @Test
  void photoCarriesDeleteAlbumlessSourcePhotoAsBoolAtTwo() {
    assertDeclares(
        Hangouts.Photo.getDescriptor(), "optional bool delete_albumless_source_photo = 2");
  }

  @Test
  void placeCarriesAddressAtTwentyFourAndGeoAtTwentyFive() {
    assertDeclares(
        Hangouts.Place.getDescriptor(),
        "optional EmbedItem.PostalAddress address = 24",
        "optional EmbedItem.GeoCoordinates geo = 25");
  }

  @Test
  void embedItemCarriesPostalAddressGeoCoordinatesAndImage() {
    assertDeclares(
        Hangouts.EmbedItem.getDescriptor(),
        "optional EmbedItem.PostalAddress postal_address = 36003298",
        "optional EmbedItem.GeoCoordinates geo_coordinates = 36736749",
        "optional EmbedItem.Image image = 40265033");
  }

  @Test
  void embedItemNestedMessagesHaveTheirProtocolFields() {
    assertDeclares(
        Hangouts.EmbedItem.PostalAddress.getDescriptor(), "optional string street_address = 1");
    assertDeclares(
        Hangouts.EmbedItem.GeoCoordinates.getDescriptor(),
        "optional double latitude = 1",
        "optional double longitude = 2");
    assertDeclares(Hangouts.EmbedItem.Image.getDescriptor(), "optional string url = 1");
  }

  @Test
  void locationCarriesPlaceAtOne() {
    assertDeclares(Hangouts.Location.getDescriptor(), "optional Place place = 1");
  }

  @Test
  void sendChatMessageRequestAddsUserIdLocationAndChatMessageSpec() {
    assertDeclares(
        Hangouts.SendChatMessageRequest.getDescriptor(),
        "optional ParticipantId user_id = 9",
        "optional Location location = 10",
        "repeated ChatMessageSpec chat_message_spec = 12");
  }

  @Test
  void getSuggestedEntitiesRequestCarriesSnakeCasePinnedFavoritesAtThirteen() {
    Descriptor request = Hangouts.GetSuggestedEntitiesRequest.getDescriptor();
    assertDeclares(request, "optional SuggestedContactGroupHash pinned_favorites = 13");
    assertThat(request.findFieldByName("pinnedFavorites")).isNull();
  }

  @Test
  void getSuggestedEntitiesResponseCarriesSnakeCasePinnedFavoritesAtNine() {
    Descriptor response = Hangouts.GetSuggestedEntitiesResponse.getDescriptor();
    assertDeclares(response, "optional SuggestedContactGroup pinned_favorites = 9");
    assertThat(response.findFieldByName("pinnedFavorites")).isNull();
  }

  @Test
  void forceHistoryAddsOnAtTwoAndOffAtThree() {
    assertThat(Hangouts.ForceHistory.FORCE_HISTORY_UNKNOWN.getNumber()).isZero();
    assertThat(Hangouts.ForceHistory.FORCE_HISTORY_NO.getNumber()).isEqualTo(1);
    assertThat(Hangouts.ForceHistory.FORCE_HISTORY_ON.getNumber()).isEqualTo(2);
    assertThat(Hangouts.ForceHistory.FORCE_HISTORY_OFF.getNumber()).isEqualTo(3);
  }

  // Helpers -------------------------------------------------------------------------------------

  private static final Pattern DECLARATION =
      Pattern.compile("(optional|repeated|required) (\\S+) (\\w+) = (\\d+)");

  /** Asserts that {@code message} declares each field exactly as written in proto syntax. */
  private static void assertDeclares(Descriptor message, String... declarations) {
    for (String declaration : declarations) {
      Matcher m = DECLARATION.matcher(declaration);
      assertThat(m.matches()).as("malformed expectation %s", declaration).isTrue();
      FieldDescriptor field = message.findFieldByName(m.group(3));
      assertThat(field).as("%s.%s", message.getFullName(), m.group(3)).isNotNull();
      assertThat(describe(field)).as(field.getFullName()).isEqualTo(declaration);
    }
  }

  /** Renders a field back as a proto2 declaration (oneof members read as optional). */
  private static String describe(FieldDescriptor field) {
    String label = field.isRepeated() ? "repeated" : field.isRequired() ? "required" : "optional";
    String type =
        switch (field.getType()) {
          case MESSAGE, GROUP -> field.getMessageType().getFullName();
          case ENUM -> field.getEnumType().getFullName();
          default -> field.getType().name().toLowerCase(Locale.ROOT);
        };
    return label + " " + type + " " + field.getName() + " = " + field.getNumber();
  }

  private static List<Descriptor> allMessages() {
    List<Descriptor> out = new ArrayList<>();
    for (Descriptor message : Hangouts.getDescriptor().getMessageTypes()) {
      collectMessages(message, out);
    }
    return out;
  }

  private static void collectMessages(Descriptor message, List<Descriptor> out) {
    out.add(message);
    for (Descriptor nested : message.getNestedTypes()) {
      collectMessages(nested, out);
    }
  }

  private static List<EnumDescriptor> allEnums() {
    List<EnumDescriptor> out = new ArrayList<>(Hangouts.getDescriptor().getEnumTypes());
    for (Descriptor message : allMessages()) {
      out.addAll(message.getEnumTypes());
    }
    return out;
  }
}
