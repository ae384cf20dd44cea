package dev.parley.client;

import dev.parley.proto.Hangouts;

/**
 * An image attached to a chat message.
 *
 * @param url the image URL hangups shows ({@code thumbnail.image_url}); also the line of the
 *     message's plain text
 * @param fullSizeUrl the full-size image, or null
 * @param photoId the photo id, or null
 * @param widthPx width in pixels, 0 when unknown
 * @param heightPx height in pixels, 0 when unknown
 * @param animated an animated image (GIF)
 */
public record ImageAttachment(
    String url, String fullSizeUrl, String photoId, long widthPx, long heightPx, boolean animated) {

  static ImageAttachment fromProto(Hangouts.PlusPhoto photo) {
    Hangouts.PlusPhoto.Thumbnail thumbnail = photo.getThumbnail();
    String full =
        !photo.getOriginalContentUrl().isEmpty() ? photo.getOriginalContentUrl() : photo.getUrl();
    return new ImageAttachment(
        thumbnail.getImageUrl(),
        full.isEmpty() ? null : full,
        photo.getPhotoId().isEmpty() ? null : photo.getPhotoId(),
        thumbnail.getWidthPx(),
        thumbnail.getHeightPx(),
        photo.getMediaType() == Hangouts.PlusPhoto.MediaType.MEDIA_TYPE_ANIMATED_PHOTO);
  }
}
