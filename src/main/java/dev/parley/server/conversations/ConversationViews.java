package dev.parley.server.conversations;

import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationParticipantData;
import dev.parley.proto.Hangouts.ConversationStatus;
import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.ConversationView;
import dev.parley.proto.Hangouts.DeliveryMedium;
import dev.parley.proto.Hangouts.DeliveryMediumOption;
import dev.parley.proto.Hangouts.DeliveryMediumType;
import dev.parley.proto.Hangouts.ForceHistory;
import dev.parley.proto.Hangouts.GroupLinkSharingStatus;
import dev.parley.proto.Hangouts.InvitationStatus;
import dev.parley.proto.Hangouts.NetworkType;
import dev.parley.proto.Hangouts.NotificationLevel;
import dev.parley.proto.Hangouts.OffTheRecordStatus;
import dev.parley.proto.Hangouts.OffTheRecordToggle;
import dev.parley.proto.Hangouts.ParticipantId;
import dev.parley.proto.Hangouts.ParticipantType;
import dev.parley.proto.Hangouts.UserConversationState;
import dev.parley.proto.Hangouts.UserReadState;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.ConversationRecord;
import dev.parley.server.storage.Membership;
import java.util.List;
import java.util.function.Function;

/** Builds the protocol's view of a conversation as one participant sees it. */
public final class ConversationViews {
  private ConversationViews() {}

  public static ParticipantId participantId(String accountId) {
    return ParticipantId.newBuilder().setGaiaId(accountId).setChatId(accountId).build();
  }

  public static ConversationId conversationId(String id) {
    return ConversationId.newBuilder().setId(id).build();
  }

  /** The conversation with the viewer's own state and every participant's watermark. */
  public static Conversation forViewer(ConversationSnapshot snapshot, String viewerId) {
    Conversation.Builder b = shared(snapshot);
    snapshot
        .membershipOf(viewerId)
        .ifPresent(m -> b.setSelfConversationState(selfState(snapshot.conversation(), m)));
    return b.build();
  }

  /**
   * As {@link #forViewer(ConversationSnapshot, String)} from the conversation's memberships (all,
   * current and former, in join order) and the members' display names alone, without their
   * accounts.
   *
   * @param displayName a member's display name, or null when the account is gone
   */
  public static Conversation forViewer(
      ConversationRecord c,
      List<Membership> memberships,
      Function<String, String> displayName,
      String viewerId) {
    Conversation.Builder b =
        shared(c, memberships.stream().filter(Membership::isCurrent).toList(), displayName);
    for (Membership m : memberships) {
      if (m.accountId().equals(viewerId)) {
        b.setSelfConversationState(selfState(c, m));
        break;
      }
    }
    return b.build();
  }

  /**
   * What every participant sees of the conversation alike: all of {@link #forViewer} but the
   * viewer's own state ({@link #selfState}).
   */
  public static Conversation.Builder shared(ConversationSnapshot snapshot) {
    return shared(
        snapshot.conversation(),
        snapshot.current(),
        id -> {
          Account account = snapshot.accounts().get(id);
          return account == null ? null : account.displayName();
        });
  }

  private static Conversation.Builder shared(
      ConversationRecord c, List<Membership> current, Function<String, String> displayName) {
    Conversation.Builder b =
        Conversation.newBuilder()
            .setConversationId(conversationId(c.id()))
            .setType(ConversationType.forNumber(c.type()))
            .setHasActiveHangout(false)
            .setOtrStatus(otrStatus(c))
            .setOtrToggle(OffTheRecordToggle.OFF_THE_RECORD_TOGGLE_ENABLED)
            .setConversationHistorySupported(true)
            .addNetworkType(NetworkType.NETWORK_TYPE_BABEL)
            .setForceHistoryState(ForceHistory.FORCE_HISTORY_NO)
            .setGroupLinkSharingStatus(linkSharing(c));
    if (c.name() != null) {
      b.setName(c.name());
    }
    for (Membership m : current) {
      ParticipantId pid = participantId(m.accountId());
      b.addReadState(
          UserReadState.newBuilder()
              .setParticipantId(pid)
              .setLatestReadTimestamp(m.latestReadTimestamp()));
      b.addCurrentParticipant(pid);
      String name = displayName.apply(m.accountId());
      ConversationParticipantData.Builder data =
          ConversationParticipantData.newBuilder()
              .setId(pid)
              .setInvitationStatus(InvitationStatus.INVITATION_STATUS_ACCEPTED)
              .setParticipantType(ParticipantType.PARTICIPANT_TYPE_GAIA)
              .setNewInvitationStatus(InvitationStatus.INVITATION_STATUS_ACCEPTED);
      if (name != null) {
        data.setFallbackName(name);
      }
      b.addParticipantData(data);
    }
    return b;
  }

  /** A participant's own state in the conversation (current or former participant). */
  public static UserConversationState selfState(ConversationRecord c, Membership m) {
    UserConversationState.Builder s =
        UserConversationState.newBuilder()
            .setSelfReadState(
                UserReadState.newBuilder()
                    .setParticipantId(participantId(m.accountId()))
                    .setLatestReadTimestamp(m.latestReadTimestamp()))
            .setStatus(
                m.isCurrent()
                    ? ConversationStatus.CONVERSATION_STATUS_ACTIVE
                    : ConversationStatus.CONVERSATION_STATUS_LEFT)
            .setNotificationLevel(notificationLevel(m))
            .addView(view(m))
            .setInviteTimestamp(m.joinedAt())
            .setSortTimestamp(c.sortTimestamp())
            .setActiveTimestamp(c.sortTimestamp())
            .addDeliveryMediumOption(
                DeliveryMediumOption.newBuilder()
                    .setDeliveryMedium(
                        DeliveryMedium.newBuilder()
                            .setMediumType(DeliveryMediumType.DELIVERY_MEDIUM_BABEL))
                    .setCurrentDefault(true));
    return s.build();
  }

  static OffTheRecordStatus otrStatus(ConversationRecord c) {
    OffTheRecordStatus status = OffTheRecordStatus.forNumber(c.otrStatus());
    return status == null || status == OffTheRecordStatus.OFF_THE_RECORD_STATUS_UNKNOWN
        ? OffTheRecordStatus.OFF_THE_RECORD_STATUS_ON_THE_RECORD
        : status;
  }

  static GroupLinkSharingStatus linkSharing(ConversationRecord c) {
    GroupLinkSharingStatus status = GroupLinkSharingStatus.forNumber(c.linkSharingStatus());
    return status == null || status == GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_UNKNOWN
        ? GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_OFF
        : status;
  }

  static NotificationLevel notificationLevel(Membership m) {
    NotificationLevel level = NotificationLevel.forNumber(m.notificationLevel());
    return level == null || level == NotificationLevel.NOTIFICATION_LEVEL_UNKNOWN
        ? NotificationLevel.NOTIFICATION_LEVEL_RING
        : level;
  }

  static ConversationView view(Membership m) {
    ConversationView view = ConversationView.forNumber(m.view());
    return view == null || view == ConversationView.CONVERSATION_VIEW_UNKNOWN
        ? ConversationView.CONVERSATION_VIEW_INBOX
        : view;
  }
}
