#!/usr/bin/env bash
# Renders installer/icon.svg, the one source image, into every icon the packages and the app use:
# icons/parley-<N>.png (16..512 px), icons/parley.ico (Windows), icons/parley.icns (macOS).
# The outputs are committed, so a build never needs these tools; rerun this after editing the SVG.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/icons"
mkdir -p "$out"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: $tool is missing" >&2; exit 1; }
done

sizes=(16 24 32 48 64 128 256 512)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for s in "${sizes[@]}" 1024; do
  rsvg-convert --width "$s" --height "$s" "$here/icon.svg" --output "$tmp/$s.png"
done
for s in "${sizes[@]}"; do
  # -strip: no timestamps in the files, so regenerating an unchanged SVG changes nothing.
  convert "$tmp/$s.png" -strip "PNG32:$out/parley-$s.png"
done
convert "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" \
  "$tmp/256.png" -strip "$out/parley.ico"
# png2icns picks the icon type from each PNG's size (16, 32, 48, 128, 256, 512, 1024).
png2icns "$out/parley.icns" "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/128.png" \
  "$tmp/256.png" "$tmp/512.png" "$tmp/1024.png" >/dev/null
ls -l "$out"
