#!/usr/bin/env bash
# Renders assets/icon.svg into the files electron-builder takes (see electron-builder.yml):
#   icons/NxN.png  Linux icon set (AppImage, .deb), named by size
#   icon.png       1024×1024, converted to .icns on macOS by electron-builder
#   icon.ico       Windows (NSIS), 16–256 px
# Needs Debian's librsvg2-bin (rsvg-convert) and icoutils (icotool). The outputs are committed, so
# nothing here runs during a build or a test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

render() { rsvg-convert --width "$1" --height "$1" icon.svg --output "$2"; }

rm -f icons/*.png
mkdir -p icons
for size in 16 24 32 48 64 128 256 512; do
  render "$size" "icons/${size}x${size}.png"
done
render 1024 icon.png
icotool --create --output icon.ico \
  icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png \
  --raw icons/256x256.png
