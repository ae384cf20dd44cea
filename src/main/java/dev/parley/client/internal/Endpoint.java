package dev.parley.client.internal;

/**
 * The RPC endpoints under {@code /chat/v1/} and whether a call may be repeated after a failure that
 * left it unclear whether the server acted: reads and state-setting calls may, and so may
 * sendchatmessage and createconversation, which the server deduplicates by {@code
 * client_generated_id}; calls that create an event or a push each time may not.
 *
 * <p>Answers come as base64 text, as hangups asks for them, except those of {@code
 * syncallnewevents}: a catch-up reads many pages of up to 1 MiB, and binary protobuf (section 4.1)
 * spares both sides the base64 work and a third of the bytes.
 */
public enum Endpoint {
  ADD_USER("conversations/adduser", false),
  CREATE_CONVERSATION("conversations/createconversation", true),
  DELETE_CONVERSATION("conversations/deleteconversation", true),
  EASTER_EGG("conversations/easteregg", false),
  GET_CONVERSATION("conversations/getconversation", true),
  GET_ENTITY_BY_ID("contacts/getentitybyid", true),
  GET_GROUP_CONVERSATION_URL("conversations/getgroupconversationurl", true),
  GET_SELF_INFO("contacts/getselfinfo", true),
  GET_SUGGESTED_ENTITIES("contacts/getsuggestedentities", true),
  QUERY_PRESENCE("presence/querypresence", true),
  REMOVE_USER("conversations/removeuser", false),
  RENAME_CONVERSATION("conversations/renameconversation", false),
  SEARCH_ENTITIES("contacts/searchentities", true),
  SEND_CHAT_MESSAGE("conversations/sendchatmessage", true),
  MODIFY_OTR_STATUS("conversations/modifyotrstatus", false),
  SEND_OFFNETWORK_INVITATION("devices/sendoffnetworkinvitation", false),
  SET_ACTIVE_CLIENT("clients/setactiveclient", true),
  SET_CONVERSATION_NOTIFICATION_LEVEL("conversations/setconversationnotificationlevel", true),
  SET_FOCUS("conversations/setfocus", true),
  SET_GROUP_LINK_SHARING_ENABLED("conversations/setgrouplinksharingenabled", false),
  SET_PRESENCE("presence/setpresence", true),
  SET_TYPING("conversations/settyping", true),
  SYNC_ALL_NEW_EVENTS("conversations/syncallnewevents", true, true),
  SYNC_RECENT_CONVERSATIONS("conversations/syncrecentconversations", true),
  UPDATE_WATERMARK("conversations/updatewatermark", true);

  private final String path;
  private final boolean retrySafe;
  private final boolean binaryAnswer;

  Endpoint(String path, boolean retrySafe) {
    this(path, retrySafe, false);
  }

  Endpoint(String path, boolean retrySafe, boolean binaryAnswer) {
    this.path = path;
    this.retrySafe = retrySafe;
    this.binaryAnswer = binaryAnswer;
  }

  /** The path after {@code /chat/v1/}. */
  public String path() {
    return path;
  }

  public boolean retrySafe() {
    return retrySafe;
  }

  /** Whether to ask for a binary answer rather than base64 text. */
  public boolean binaryAnswer() {
    return binaryAnswer;
  }
}
