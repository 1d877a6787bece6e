"""Render ``resources/icons/aima-desktop.svg`` into the PNG sizes desktops and bundles use.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py

Writes ``resources/icons/hicolor/SIZExSIZE/apps/aima-desktop.png`` (freedesktop icon theme
layout, what ``packaging/install_desktop_entry.sh`` copies).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - fonts and image plugins need an application
    renderer = QSvgRenderer(str(ICONS / "aima-desktop.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "aima-desktop.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
        print(target.relative_to(ICONS.parents[1]))


if __name__ == "__main__":
    main()
