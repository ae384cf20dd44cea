package dev.parley.server.media;

import dev.parley.server.media.MediaException.Reason;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Scaled-down copies of stored images ({@code GET /media/<id>?w=<px>}), made with {@code
 * javax.imageio} and {@code Graphics2D} (works headless) and cached next to the original as {@code
 * <id>.w<width>.png} or {@code .jpg}: JPEG stays JPEG, PNG and GIF become PNG (keeping
 * transparency; a GIF's first frame). Requested widths snap down to one of 18 fixed widths from 16
 * to 2048 ({@link #snapWidth}), so a client cannot make the server store a thumbnail per pixel
 * width. Never upscales: an image already narrow enough, and any WebP (ImageIO cannot decode it),
 * is served as the original.
 */
public final class Thumbnailer {
  /** The only widths thumbnails are made at. */
  private static final int[] WIDTHS = {
    16, 32, 48, 64, 96, 128, 160, 200, 240, 320, 400, 480, 640, 800, 960, 1280, 1600, 2048
  };

  private static final float JPEG_QUALITY = 0.85f;

  private final MediaFiles files;

  public Thumbnailer(MediaFiles files) {
    this.files = files;
  }

  /**
   * The stored image scaled to at most {@code maxWidth} pixels wide (snapped down by {@link
   * #snapWidth}), keeping its aspect ratio; the original itself when it is not wider or is a WebP.
   *
   * @throws MediaException {@link Reason#NOT_FOUND} for an unknown or malformed name, {@link
   *     Reason#UNDECODABLE} if the image data does not decode, {@link Reason#TOO_MANY_PIXELS} if
   *     the frame to decode is over the pixel cap (a GIF frame may exceed its logical screen)
   * @throws IOException if the disk fails
   */
  public MediaFile thumbnail(String storedName, int maxWidth) throws MediaException, IOException {
    MediaFile original = files.open(storedName);
    ImageInfo info = files.inspect(storedName);
    int width = snapWidth(maxWidth);
    if (original.type() == ImageType.WEBP || info.width() <= Math.max(width, maxWidth)) {
      return original;
    }
    ImageType type = original.type() == ImageType.JPEG ? ImageType.JPEG : ImageType.PNG;
    String name = MediaFiles.idOf(storedName) + ".w" + width + "." + type.extension();
    Path path = files.directory().resolve(name);
    if (!Files.exists(path)) {
      int height = (int) Math.max(1, Math.round((double) info.height() * width / info.width()));
      BufferedImage source = decode(original, width);
      write(scale(source, width, height, type == ImageType.JPEG), type, path);
    }
    return MediaFiles.existing(name, type, path);
  }

  /**
   * The width a request for {@code requested} pixels gets: the widest of 16, 32, 48, 64, 96, 128,
   * 160, 200, 240, 320, 400, 480, 640, 800, 960, 1280, 1600, 2048 not above it (16 at least).
   */
  public static int snapWidth(int requested) {
    int chosen = WIDTHS[0];
    for (int width : WIDTHS) {
      if (width <= requested) {
        chosen = width;
      }
    }
    return chosen;
  }

  /** Decodes, subsampling on the way so the decoded image is at most about twice the target. */
  private BufferedImage decode(MediaFile original, int targetWidth)
      throws MediaException, IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(original.path().toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new MediaException(Reason.UNDECODABLE, "no decoder for this image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        // A GIF frame may be larger than its header's logical screen: check what will be decoded.
        files.limits().checkPixels(new ImageInfo(original.type(), width, reader.getHeight(0)));
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, width / (2 * targetWidth));
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
      } catch (IOException | RuntimeException e) {
        // Decoders fed hostile data throw IIOException but also assorted runtime exceptions.
        throw new MediaException(Reason.UNDECODABLE, "the image data does not decode", e);
      } finally {
        reader.dispose();
      }
    }
  }

  private static BufferedImage scale(BufferedImage source, int width, int height, boolean opaque) {
    BufferedImage target =
        new BufferedImage(
            width, height, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  /** Writes to a temp file first and moves it into place, so readers never see half a file. */
  private void write(BufferedImage image, ImageType type, Path path) throws IOException {
    Path temp = Files.createTempFile(files.tempDirectory(), "thumb-", ".part");
    try {
      ImageWriter writer =
          ImageIO.getImageWritersByFormatName(type == ImageType.JPEG ? "jpeg" : "png").next();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(temp.toFile())) {
        writer.setOutput(out);
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (type == ImageType.JPEG) {
          param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          param.setCompressionQuality(JPEG_QUALITY);
        }
        writer.write(null, new IIOImage(image, null, null), param);
      } finally {
        writer.dispose();
      }
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      MediaFiles.deleteQuietly(temp);
    }
  }
}
