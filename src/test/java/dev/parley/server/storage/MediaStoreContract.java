package dev.parley.server.storage;

import static dev.parley.server.storage.StoreFixtures.account;
import static dev.parley.server.storage.StoreFixtures.conversation;
import static dev.parley.server.storage.StoreFixtures.media;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Uploaded media and the conversations it was sent to. */
interface MediaStoreContract extends StoreAccess {

  @Test
  default void mediaIsFoundByIdAndByUploadId() {
    inWrite(
        tx -> {
          tx.insertAccount(account("1"));
          tx.insertMedia(media("m1", "1", "up-1"));
          tx.insertMedia(media("m2", "1", null));
        });

    assertThat(find(tx -> tx.media("m1"))).contains(media("m1", "1", "up-1"));
    assertThat(find(tx -> tx.mediaByUploadId("up-1"))).contains(media("m1", "1", "up-1"));
    assertThat(find(tx -> tx.media("m2"))).contains(media("m2", "1", null));
    assertThat(find(tx -> tx.mediaByUploadId("up-2"))).isEmpty();
    assertThat(find(tx -> tx.media("m3"))).isEmpty();
  }

  @Test
  default void completingAnUploadUpdatesEveryField() {
    inWrite(
        tx -> {
          tx.insertAccount(account("1"));
          tx.insertMedia(media("m1", "1", "up-1"));
        });
    MediaRecord complete =
        new MediaRecord(
            "m1", "1", "up-1", "cat.png", "image/png", 640, 480, 12_345, "f-abc", true, 100);

    inWrite(tx -> tx.updateMedia(complete));

    assertThat(find(tx -> tx.media("m1"))).contains(complete);
    assertThat(find(tx -> tx.mediaByUploadId("up-1"))).contains(complete);
  }

  @Test
  default void updatingMediaThatDoesNotExistFails() {
    inWrite(tx -> tx.insertAccount(account("1")));

    assertThatThrownBy(() -> inWrite(tx -> tx.updateMedia(media("404", "1", null))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("404");
  }

  @Test
  default void grantingMediaToAConversationIsIdempotentAndListed() {
    inWrite(
        tx -> {
          tx.insertAccount(account("1"));
          tx.insertConversation(conversation("c1"));
          tx.insertConversation(conversation("c2"));
          tx.insertMedia(media("m1", "1", null));
          tx.insertMedia(media("m2", "1", null));
        });

    inWrite(
        tx -> {
          tx.grantMedia("m1", "c2");
          tx.grantMedia("m1", "c1");
        });
    inWrite(tx -> tx.grantMedia("m1", "c2"));

    assertThat(list(tx -> tx.mediaConversations("m1"))).containsExactlyInAnyOrder("c1", "c2");
    assertThat(list(tx -> tx.mediaConversations("m2"))).isEmpty();
    assertThat(list(tx -> tx.mediaConversations("unknown"))).isEmpty();
  }
}
