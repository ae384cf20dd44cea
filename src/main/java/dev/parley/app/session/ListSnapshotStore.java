package dev.parley.app.session;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link ListSnapshot} in a file only the user can read (it holds message previews). A
 * small binary format of its own: read at start before anything else is loaded, so no JSON library
 * or serialisation machinery. A missing, foreign, truncated or corrupt file reads as no snapshot; a
 * failed write is logged and costs only the quick start.
 */
public final class ListSnapshotStore {
  private static final Logger LOG = LoggerFactory.getLogger(ListSnapshotStore.class);
  private static final int MAGIC = 0x50524c53; // "PRLS"
  private static final int VERSION = 1;

  /** The list shows one line of the newest message; more is never needed at start. */
  static final int MAX_PREVIEW_CHARS = 200;

  private static final int MAX_STRING_BYTES = 64 * 1024;
  private static final int MAX_COUNT = 1_000_000;

  private final Path file;

  public ListSnapshotStore(Path file) {
    this.file = file;
  }

  /** The snapshot saved for {@code accountKey}, if there is a readable one. */
  public Optional<ListSnapshot> load(String accountKey) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 64 * 1024))) {
      ListSnapshot snapshot = read(in);
      return snapshot.accountKey().equals(accountKey) ? Optional.of(snapshot) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.info(
          "the saved conversation list cannot be read ({}); starting without it", e.toString());
      return Optional.empty();
    }
  }

  /** Replaces the saved snapshot (atomically: a reader sees the old or the new one). */
  public void save(ListSnapshot snapshot) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "conversation-list-", ".part");
      try {
        restrictToOwner(tmp);
        try (OutputStream raw = Files.newOutputStream(tmp);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 64 * 1024))) {
          write(out, snapshot);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not save the conversation list for the next start: {}", e.toString());
    }
  }

  /** Forgets the snapshot (signing out). */
  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("could not delete the saved conversation list: {}", e.toString());
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
  }

  // ---- the format ----

  static void write(DataOutputStream out, ListSnapshot s) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    writeString(out, s.accountKey());
    writeString(out, s.serverUrl());
    writePerson(out, s.self());
    out.writeInt(s.conversations().size());
    for (ConversationSummary c : s.conversations()) {
      writeString(out, c.id());
      writeString(out, c.customName());
      out.writeBoolean(c.group());
      out.writeInt(c.participants().size());
      for (Person p : c.participants()) {
        writePerson(out, p);
      }
      out.writeLong(c.lastActivity().getEpochSecond());
      out.writeInt(c.lastActivity().getNano());
      out.writeBoolean(c.lastMessageSender() != null);
      if (c.lastMessageSender() != null) {
        writePerson(out, c.lastMessageSender());
      }
      writeString(out, preview(c.lastMessagePreview()));
      out.writeInt(c.unreadCount());
      out.writeBoolean(c.quiet());
      out.writeBoolean(c.archived());
      out.writeBoolean(c.offTheRecord());
      out.writeBoolean(c.linkSharing());
    }
  }

  static ListSnapshot read(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a saved conversation list");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("saved by another version (" + version + ")");
    }
    String accountKey = required(readString(in));
    String serverUrl = readString(in);
    Person self = readPerson(in);
    int count = count(in);
    List<ConversationSummary> conversations = new ArrayList<>(Math.min(count, 4096));
    for (int i = 0; i < count; i++) {
      String id = required(readString(in));
      String customName = readString(in);
      boolean group = in.readBoolean();
      int people = count(in);
      List<Person> participants = new ArrayList<>(Math.min(people, 256));
      for (int j = 0; j < people; j++) {
        participants.add(readPerson(in));
      }
      Instant lastActivity = Instant.ofEpochSecond(in.readLong(), in.readInt());
      Person sender = in.readBoolean() ? readPerson(in) : null;
      String preview = readString(in);
      conversations.add(
          new ConversationSummary(
              id,
              customName,
              group,
              participants,
              lastActivity,
              sender,
              preview,
              Math.max(0, in.readInt()),
              in.readBoolean(),
              in.readBoolean(),
              in.readBoolean(),
              in.readBoolean()));
    }
    return new ListSnapshot(accountKey, self, serverUrl, conversations);
  }

  /** One line is shown; a 64 KiB message need not be kept whole (and not split mid-character). */
  static String preview(String text) {
    if (text.length() <= MAX_PREVIEW_CHARS) {
      return text;
    }
    int end = MAX_PREVIEW_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  private static void writePerson(DataOutputStream out, Person p) throws IOException {
    writeString(out, p.id());
    writeString(out, p.fullName());
    writeString(out, p.firstName());
    writeString(out, p.email());
    writeString(out, p.photoUrl());
    out.writeBoolean(p.self());
  }

  private static Person readPerson(DataInputStream in) throws IOException {
    return new Person(
        required(readString(in)),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        in.readBoolean());
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_STRING_BYTES) {
      throw new IOException("a text of " + bytes.length + " bytes is too long to keep");
    }
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length == -1) {
      return null;
    }
    if (length < 0 || length > MAX_STRING_BYTES) {
      throw new IOException("corrupt text length " + length);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_COUNT) {
      throw new IOException("corrupt count " + n);
    }
    return n;
  }

  private static String required(String s) throws EOFException {
    if (s == null) {
      throw new EOFException("a required text is missing");
    }
    return s;
  }
}
