#!/bin/sh
# Renders docs/icon/icon.svg to public/icon/{16,32,48,96,128}.png with the system Chromium (transparent background).
set -e
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../public/icon"
tmp=$(mktemp -d)
cp "$here/icon.svg" "$tmp/icon.svg"
for s in 16 32 48 96 128; do
  printf '<html><body style="margin:0;background:transparent"><img src="icon.svg" width="%s" height="%s" style="display:block"></body></html>' "$s" "$s" > "$tmp/i$s.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$s,$s" --screenshot="$out/$s.png" "file://$tmp/i$s.html" >/dev/null 2>&1
done
rm -rf "$tmp"
