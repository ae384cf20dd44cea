package dev.parley.client;

import java.util.Objects;

/**
 * The link that lets a signed-in person join a group conversation ({@link
 * ConversationList#joinByLink(String)}).
 *
 * @param conversationId the group
 * @param url the link to share
 */
public record GroupLink(String conversationId, String url) {
  public GroupLink {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(url, "url");
  }
}
