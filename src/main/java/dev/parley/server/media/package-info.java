/**
 * The server's image building blocks, free of HTTP and storage: {@link
 * dev.parley.server.media.ImageInspector} (type and size from the header), {@link
 * dev.parley.server.media.MediaLimits}, {@link dev.parley.server.media.MediaFiles} (streaming,
 * capped, atomically placed uploads under server-made names), {@link
 * dev.parley.server.media.Thumbnailer} and {@link dev.parley.server.media.UploadProtocol} (the JSON
 * of PROTOCOL.md section 8). Failures caused by the upload are {@link
 * dev.parley.server.media.MediaException}s with a {@link
 * dev.parley.server.media.MediaException.Reason}.
 */
package dev.parley.server.media;
