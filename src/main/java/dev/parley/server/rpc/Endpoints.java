package dev.parley.server.rpc;

import dev.parley.proto.Hangouts.AddUserRequest;
import dev.parley.proto.Hangouts.CreateConversationRequest;
import dev.parley.proto.Hangouts.DeleteConversationRequest;
import dev.parley.proto.Hangouts.EasterEggRequest;
import dev.parley.proto.Hangouts.GetConversationRequest;
import dev.parley.proto.Hangouts.GetEntityByIdRequest;
import dev.parley.proto.Hangouts.GetGroupConversationUrlRequest;
import dev.parley.proto.Hangouts.GetSelfInfoRequest;
import dev.parley.proto.Hangouts.GetSuggestedEntitiesRequest;
import dev.parley.proto.Hangouts.ModifyOTRStatusRequest;
import dev.parley.proto.Hangouts.QueryPresenceRequest;
import dev.parley.proto.Hangouts.RemoveUserRequest;
import dev.parley.proto.Hangouts.RenameConversationRequest;
import dev.parley.proto.Hangouts.SearchEntitiesRequest;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendOffnetworkInvitationRequest;
import dev.parley.proto.Hangouts.SetActiveClientRequest;
import dev.parley.proto.Hangouts.SetConversationNotificationLevelRequest;
import dev.parley.proto.Hangouts.SetFocusRequest;
import dev.parley.proto.Hangouts.SetGroupLinkSharingEnabledRequest;
import dev.parley.proto.Hangouts.SetPresenceRequest;
import dev.parley.proto.Hangouts.SetTypingRequest;
import dev.parley.proto.Hangouts.SyncAllNewEventsRequest;
import dev.parley.proto.Hangouts.SyncRecentConversationsRequest;
import dev.parley.proto.Hangouts.UpdateWatermarkRequest;
import dev.parley.server.conversations.ManagementRpcs;
import dev.parley.server.conversations.MembershipRpcs;
import dev.parley.server.conversations.MessagingRpcs;
import dev.parley.server.conversations.SignalRpcs;
import dev.parley.server.conversations.SyncRpcs;
import dev.parley.server.people.PeopleRpcs;
import dev.parley.server.presence.PresenceRpcs;

/** Every endpoint of PROTOCOL.md section 4.3, wired to the service that implements it. */
public final class Endpoints {
  private Endpoints() {}

  public static RpcRegistry all(
      MessagingRpcs messaging,
      SyncRpcs sync,
      ManagementRpcs management,
      MembershipRpcs membership,
      SignalRpcs signals,
      PeopleRpcs people,
      PresenceRpcs presence) {
    return new RpcRegistry()
        .add(
            "conversations/sendchatmessage",
            SendChatMessageRequest.getDefaultInstance(),
            messaging::sendChatMessage)
        .add(
            "conversations/syncrecentconversations",
            SyncRecentConversationsRequest.getDefaultInstance(),
            sync::syncRecentConversations)
        .addReply(
            "conversations/syncallnewevents",
            SyncAllNewEventsRequest.getDefaultInstance(),
            sync::syncAllNewEvents)
        .add(
            "conversations/getconversation",
            GetConversationRequest.getDefaultInstance(),
            sync::getConversation)
        .add(
            "conversations/createconversation",
            CreateConversationRequest.getDefaultInstance(),
            management::createConversation)
        .add(
            "conversations/renameconversation",
            RenameConversationRequest.getDefaultInstance(),
            management::renameConversation)
        .add(
            "conversations/modifyotrstatus",
            ModifyOTRStatusRequest.getDefaultInstance(),
            management::modifyOtrStatus)
        .add(
            "conversations/setgrouplinksharingenabled",
            SetGroupLinkSharingEnabledRequest.getDefaultInstance(),
            management::setGroupLinkSharingEnabled)
        .add(
            "conversations/getgroupconversationurl",
            GetGroupConversationUrlRequest.getDefaultInstance(),
            management::getGroupConversationUrl)
        .add("conversations/adduser", AddUserRequest.getDefaultInstance(), membership::addUser)
        .add(
            "conversations/removeuser",
            RemoveUserRequest.getDefaultInstance(),
            membership::removeUser)
        .add(
            "conversations/deleteconversation",
            DeleteConversationRequest.getDefaultInstance(),
            membership::deleteConversation)
        .add(
            "conversations/setconversationnotificationlevel",
            SetConversationNotificationLevelRequest.getDefaultInstance(),
            membership::setConversationNotificationLevel)
        .add("conversations/settyping", SetTypingRequest.getDefaultInstance(), signals::setTyping)
        .add("conversations/setfocus", SetFocusRequest.getDefaultInstance(), signals::setFocus)
        .add(
            "conversations/updatewatermark",
            UpdateWatermarkRequest.getDefaultInstance(),
            signals::updateWatermark)
        .add("conversations/easteregg", EasterEggRequest.getDefaultInstance(), signals::easterEgg)
        .add("contacts/getselfinfo", GetSelfInfoRequest.getDefaultInstance(), people::getSelfInfo)
        .add(
            "contacts/getentitybyid",
            GetEntityByIdRequest.getDefaultInstance(),
            people::getEntityById)
        .add(
            "contacts/searchentities",
            SearchEntitiesRequest.getDefaultInstance(),
            people::searchEntities)
        .add(
            "contacts/getsuggestedentities",
            GetSuggestedEntitiesRequest.getDefaultInstance(),
            people::getSuggestedEntities)
        .add(
            "devices/sendoffnetworkinvitation",
            SendOffnetworkInvitationRequest.getDefaultInstance(),
            people::sendOffnetworkInvitation)
        .add(
            "presence/querypresence",
            QueryPresenceRequest.getDefaultInstance(),
            presence::queryPresence)
        .add("presence/setpresence", SetPresenceRequest.getDefaultInstance(), presence::setPresence)
        .add(
            "clients/setactiveclient",
            SetActiveClientRequest.getDefaultInstance(),
            presence::setActiveClient);
  }
}
