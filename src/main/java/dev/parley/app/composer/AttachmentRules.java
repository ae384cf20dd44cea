package dev.parley.app.composer;

import dev.parley.app.I18n;

/** What the composer accepts as an image, and how it words sizes and refusals. */
final class AttachmentRules {
  /** The server refuses larger uploads (PROTOCOL.md section 5). */
  static final long MAX_IMAGE_BYTES = 50L * 1024 * 1024;

  private final I18n messages = I18n.of(AttachmentRules.class);

  /** Why these bytes cannot be attached, or null when they can. */
  String problemWith(byte[] bytes, String fileName) {
    if (bytes.length > MAX_IMAGE_BYTES) {
      return tooLarge(bytes.length);
    }
    if (ImageFormat.sniff(bytes).isEmpty()) {
      return fileName == null || fileName.isBlank()
          ? messages.get("error.notImageUnnamed")
          : messages.get("error.notImage", fileName);
    }
    return null;
  }

  String tooLarge(long size) {
    return messages.get("error.tooLarge", sizeText(size), sizeText(MAX_IMAGE_BYTES));
  }

  String unreadable(String fileName) {
    return messages.get("error.unreadable", fileName);
  }

  /** The given name, or "image.png" (by the sniffed type) for a picture without one. */
  String nameFor(byte[] bytes, String fileName) {
    if (fileName != null && !fileName.isBlank()) {
      return fileName;
    }
    String extension = ImageFormat.sniff(bytes).map(ImageFormat::extension).orElse("png");
    return messages.get("image.defaultName", extension);
  }

  /** A size for people: "512 B", "12 KB", "1.4 MB". */
  String sizeText(long bytes) {
    if (bytes < 1024) {
      return messages.get("size.bytes", bytes);
    }
    if (bytes < 1024 * 1024) {
      return messages.get("size.kb", bytes / 1024.0);
    }
    return messages.get("size.mb", bytes / (1024.0 * 1024.0));
  }
}
