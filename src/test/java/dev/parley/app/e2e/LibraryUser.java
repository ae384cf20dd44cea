package dev.parley.app.e2e;

import dev.parley.client.Auth;
import dev.parley.client.ChatMessageEvent;
import dev.parley.client.ChatMessageSegment;
import dev.parley.client.Client;
import dev.parley.client.ClientOptions;
import dev.parley.client.Conversation;
import dev.parley.client.ConversationLists;
import dev.parley.client.CredentialsPrompt;
import dev.parley.client.MembershipChangeEvent;
import dev.parley.client.MembershipChangeType;
import dev.parley.client.MessageImage;
import dev.parley.client.RefreshTokenCache;
import dev.parley.client.RenameEvent;
import dev.parley.client.UserId;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Another person, using the client library as any program would: signs in, connects, sends. Also
 * records every chat message text it receives, to check that something arrived exactly once.
 */
public final class LibraryUser implements AutoCloseable {
  private final Client client;
  private final Thread connection;
  private final ConversationLists lists;
  public final List<String> received = new CopyOnWriteArrayList<>();

  /**
   * Every conversation event but chat messages, as a line: "rename Team → New name", "join
   * conversationId userId...", "leave conversationId userId...".
   */
  public final List<String> changes = new CopyOnWriteArrayList<>();

  public LibraryUser(String url, String email, Path tokenDir) throws Exception {
    CredentialsPrompt prompt = TestAccounts.prompt(email);
    client =
        new Client(
            ClientOptions.builder(
                    url, Auth.getAuth(url, prompt, new RefreshTokenCache(tokenDir.resolve(email))))
                .build());
    CountDownLatch connected = new CountDownLatch(1);
    client.onConnect().addObserver(v -> connected.countDown());
    connection = new Thread(client::connect, "library-user-" + email);
    connection.setDaemon(true);
    connection.start();
    if (!connected.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(email + " did not connect");
    }
    lists = ConversationLists.build(client).get(30, TimeUnit.SECONDS);
    lists
        .conversationList()
        .onEvent()
        .addObserver(
            event -> {
              if (event instanceof ChatMessageEvent chat) {
                received.add(chat.getText());
              } else if (event instanceof RenameEvent rename) {
                changes.add("rename " + rename.getOldName() + " → " + rename.getNewName());
              } else if (event instanceof MembershipChangeEvent change) {
                changes.add(
                    (change.getType() == MembershipChangeType.JOIN ? "join " : "leave ")
                        + event.getConversationId()
                        + change.getParticipantIds().stream()
                            .map(id -> " " + id.chatId())
                            .collect(java.util.stream.Collectors.joining()));
              }
            });
  }

  public String oneToOne(String otherId) throws Exception {
    return lists
        .conversationList()
        .createOneToOne(UserId.of(otherId))
        .get(30, TimeUnit.SECONDS)
        .getId();
  }

  public String group(String name, List<String> otherIds) throws Exception {
    return lists
        .conversationList()
        .createGroup(otherIds.stream().map(UserId::of).toList(), name)
        .get(30, TimeUnit.SECONDS)
        .getId();
  }

  public void send(String conversationId, String text) throws Exception {
    conversation(conversationId)
        .sendMessage(ChatMessageSegment.fromString(text))
        .get(30, TimeUnit.SECONDS);
  }

  /**
   * Sends {@code count} messages one after another ("prefix 1", "prefix 2"...); completes after the
   * last.
   */
  public java.util.concurrent.CompletableFuture<Void> sendManyAsync(
      String conversationId, int count, String prefix) throws Exception {
    Conversation conversation = conversation(conversationId);
    java.util.concurrent.CompletableFuture<Void> chain =
        java.util.concurrent.CompletableFuture.completedFuture(null);
    for (int i = 1; i <= count; i++) {
      String text = prefix + i;
      chain =
          chain.thenCompose(
              v ->
                  conversation
                      .sendMessage(ChatMessageSegment.fromString(text))
                      .thenApply(e -> null));
    }
    return chain;
  }

  /** Turns link sharing on for a group and answers its join link. */
  public String shareLink(String conversationId) throws Exception {
    Conversation conversation = conversation(conversationId);
    conversation.setGroupLinkSharingEnabled(true).get(30, TimeUnit.SECONDS);
    return conversation.getGroupLink().get(30, TimeUnit.SECONDS).url();
  }

  public void sendImage(String conversationId, byte[] png, String text) throws Exception {
    conversation(conversationId)
        .sendMessage(
            ChatMessageSegment.fromString(text), MessageImage.upload(png, "picture.png", null))
        .get(30, TimeUnit.SECONDS);
  }

  private Conversation conversation(String id) throws Exception {
    Waits.until(
        java.time.Duration.ofSeconds(15),
        "conversation " + id,
        () -> lists.conversationList().find(id).isPresent());
    return lists.conversationList().get(id);
  }

  @Override
  public void close() throws Exception {
    lists.close();
    client.disconnect();
    connection.join(10_000);
  }
}
