package dev.parley.server.people;

import dev.parley.server.TimeSource;
import dev.parley.server.auth.Accounts;
import dev.parley.server.conversations.Ids;
import dev.parley.server.media.MediaException;
import dev.parley.server.media.MediaFiles;
import dev.parley.server.media.StoredMedia;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.MediaRecord;
import dev.parley.server.storage.Store;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Account pictures: stored like any image and visible to everyone signed in. */
public final class Avatars {
  private final Store store;
  private final MediaFiles files;
  private final Ids ids;
  private final TimeSource time;

  public Avatars(Store store, MediaFiles files, Ids ids, TimeSource time) {
    this.store = store;
    this.files = files;
    this.ids = ids;
    this.time = time;
  }

  /**
   * Makes {@code image} (PNG, JPEG, GIF or WebP, within the upload limits) the account's picture.
   *
   * @throws MediaException when the bytes are no acceptable image
   */
  public Account set(String email, InputStream image) throws MediaException, IOException {
    String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    Account account =
        store
            .read(tx -> tx.accountByEmail(normalized))
            .orElseThrow(() -> new Accounts.AccountException("no account with email " + email));
    StoredMedia stored = files.store(image, files.limits().maxBytes());
    String mediaId = ids.token(16);
    long now = time.nowMicros();
    return store.write(
        tx -> {
          tx.insertMedia(
              new MediaRecord(
                  mediaId,
                  account.id(),
                  ids.token(18),
                  "avatar",
                  stored.info().type().mimeType(),
                  stored.info().width(),
                  stored.info().height(),
                  stored.size(),
                  stored.name(),
                  true,
                  now));
          tx.grantMedia(mediaId, Entities.PUBLIC_MEDIA);
          Account updated = tx.account(account.id()).orElseThrow().withAvatarMediaId(mediaId);
          tx.updateAccount(updated);
          return updated;
        });
  }
}
