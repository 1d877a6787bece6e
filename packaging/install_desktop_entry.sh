#!/usr/bin/env bash
# Add AIMA Desktop to the desktop's application menu for this user: the .desktop file, the
# AppStream metadata and the icons, into ~/.local/share (or $XDG_DATA_HOME).
# `aima` must be on PATH (the bundle's dist/aima folder, or the virtual environment's bin).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${XDG_DATA_HOME:-$HOME/.local/share}"
install -Dm644 packaging/linux/aima-desktop.desktop "$data/applications/aima-desktop.desktop"
install -Dm644 packaging/linux/aima-desktop.metainfo.xml "$data/metainfo/aima-desktop.metainfo.xml"
for png in resources/icons/hicolor/*/apps/aima-desktop.png; do
    install -Dm644 "$png" "$data/icons/${png#resources/icons/}"
done
install -Dm644 resources/icons/aima-desktop.svg "$data/icons/hicolor/scalable/apps/aima-desktop.svg"
command -v update-desktop-database > /dev/null && update-desktop-database -q "$data/applications" || true
echo "Installed the AIMA Desktop menu entry in $data"
command -v aima > /dev/null || echo "Note: 'aima' is not on PATH yet; the menu entry starts it."
