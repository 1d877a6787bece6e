"""The partial-results timeline: a time ruler and one tier per module.

Each tier shows which time ranges are processed (tinted) and which are still missing
(hatched), and the items found there. Ctrl+wheel or +/- zoom, the wheel, arrow keys or a drag
pan, a click sets the cursor and selects the item under it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from aima_desktop.domain.progress import format_duration
from aima_desktop.domain.records import Event
from aima_desktop.ui.labels import module_label, status_label
from aima_desktop.ui.timeline_data import TimelineData, Tier

RULER_H = 28
TIER_H = 54
LABEL_W = 150
TICK_STEPS = (0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200)
MIN_SPAN_S = 2.0

DONE = QColor(222, 240, 222)
MISSING = QColor(200, 200, 200)
ITEM = QColor(70, 120, 180)
ITEM_SELECTED = QColor(230, 140, 30)
CURSOR = QColor(200, 30, 30)
MIN_SEPARATED_PX = 4  # narrower items are not separated: the line would hide them


SPEAKER_COLOURS = [QColor(70, 120, 180), QColor(200, 110, 40), QColor(60, 150, 90),
                   QColor(150, 80, 160), QColor(170, 60, 70), QColor(90, 90, 90)]


def speaker_colour(speaker: str | None) -> QColor:
    if not speaker or not speaker[-2:].isdigit():
        return QColor(140, 140, 140)
    return SPEAKER_COLOURS[int(speaker[-2:]) % len(SPEAKER_COLOURS)]


class TimelineView(QWidget):
    """Draws a :class:`TimelineData`; asks it only for what is in view."""

    item_selected = Signal(object)  # Event, or None
    cursor_moved = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data: TimelineData | None = None
        self.view_start = 0.0
        self.view_span = 60.0
        self.cursor_s: float | None = None
        self.selected: Event | None = None
        self._drag_from: QPointF | None = None
        self._dragged = False
        self._visible_items: list[tuple[float, float, float, float, Event]] = []
        # digest -> QPixmap of a keyframe; set by the window that owns the project
        self.keyframe_loader = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(RULER_H + 2 * TIER_H)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Timeline"))

    # -- state -----------------------------------------------------------------------------
    def set_data(self, data: TimelineData | None) -> None:
        self.data = data
        self.selected = None
        if data is not None:
            self.view_start, self.view_span = 0.0, max(MIN_SPAN_S, data.duration)
        self.update()

    @property
    def duration(self) -> float:
        return self.data.duration if self.data else 0.0

    def set_view(self, start: float, span: float) -> None:
        span = min(max(MIN_SPAN_S, span), max(MIN_SPAN_S, self.duration * 1.05))
        self.view_span = span
        self.view_start = min(max(0.0, start), max(0.0, self.duration - span * 0.95))
        self.update()

    def zoom(self, factor: float, around_s: float | None = None) -> None:
        around = self.view_start + self.view_span / 2 if around_s is None else around_s
        ratio = (around - self.view_start) / self.view_span
        span = self.view_span / factor
        self.set_view(around - ratio * span, span)

    def pan(self, seconds: float) -> None:
        self.set_view(self.view_start + seconds, self.view_span)

    # -- geometry --------------------------------------------------------------------------
    def _track_width(self) -> float:
        return max(1.0, self.width() - LABEL_W)

    def x_of(self, seconds: float) -> float:
        return LABEL_W + (seconds - self.view_start) / self.view_span * self._track_width()

    def time_at(self, x: float) -> float:
        return self.view_start + (x - LABEL_W) / self._track_width() * self.view_span

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        self._visible_items = []
        if self.data is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Open a media file or a project to see its timeline."))
            return
        self._paint_ruler(painter)
        for index, tier in enumerate(self.data.tiers):
            self._paint_tier(painter, tier, RULER_H + index * TIER_H)
        if self.cursor_s is not None and self.view_start <= self.cursor_s <= self.view_start + self.view_span:
            painter.setPen(QPen(CURSOR, 1.5))
            x = self.x_of(self.cursor_s)
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))

    def _paint_ruler(self, painter: QPainter) -> None:
        painter.setPen(self.palette().text().color())
        step = next((s for s in TICK_STEPS if s / self.view_span * self._track_width() >= 80),
                    TICK_STEPS[-1])
        first = int(self.view_start // step) * step
        tick = first
        while tick <= self.view_start + self.view_span:
            if tick >= self.view_start:
                x = self.x_of(tick)
                painter.drawLine(QPointF(x, RULER_H - 8), QPointF(x, RULER_H))
                label = format_duration(tick) if step >= 1 else f"{tick:.1f}"
                painter.drawText(QPointF(x + 3, RULER_H - 10), label)
            tick += step
        painter.drawLine(0, RULER_H, self.width(), RULER_H)

    def _paint_tier(self, painter: QPainter, tier: Tier, top: float) -> None:
        track = QRectF(LABEL_W, top + 4, self._track_width(), TIER_H - 8)
        for start, end in tier.done_ranges:
            painter.fillRect(self._span_rect(track, start, end), DONE)
        for start, end in tier.missing_ranges:
            rect = self._span_rect(track, start, end)
            painter.fillRect(rect, QBrush(MISSING, Qt.BrushStyle.BDiagPattern))
            if rect.width() > 140:
                painter.setPen(MISSING.darker(150))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("not yet processed"))
        events = self.data.events(tier, self.view_start, self.view_start + self.view_span)
        if events is None:
            self._paint_density(painter, tier, track)
        else:
            self._paint_items(painter, events, track)
        painter.setPen(self.palette().text().color())
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        self._draw_label(painter, top + 4, module_label(tier.module))
        painter.setFont(self.font())
        percent = 100 * min(tier.processed_s, tier.total_s) / tier.total_s if tier.total_s else 0
        self._draw_label(painter, top + 24, f"{status_label(tier.status)} · {percent:.0f}%")
        painter.setPen(self.palette().mid().color())
        painter.drawLine(QPointF(0, top + TIER_H), QPointF(self.width(), top + TIER_H))

    def _span_rect(self, track: QRectF, start: float, end: float) -> QRectF:
        left = max(track.left(), self.x_of(start))
        right = min(track.right(), self.x_of(end))
        return QRectF(left, track.top(), max(0.0, right - left), track.height())

    def _draw_label(self, painter: QPainter, top: float, text: str) -> None:
        """A line of the label column, elided (the whole name is the tier's tooltip)."""
        width = LABEL_W - 10
        text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRectF(6, top, width, 20), Qt.AlignmentFlag.AlignLeft, text)

    def _paint_items(self, painter: QPainter, events: list[Event], track: QRectF) -> None:
        """Items as boxes; boxes that touch on screen are merged, so a dense range costs one
        rectangle per pixel run, not one per item."""
        left, right = track.left(), track.right()
        top, height = track.top() + 6, track.height() - 12
        scale = self._track_width() / self.view_span
        origin = self.view_start
        runs: list[list[float]] = []
        labelled = []
        for event in events:
            x0 = max(left, left + (event.start - origin) * scale)
            x1 = min(right, left + (event.end - origin) * scale)
            x1 = max(x1, x0 + 1)
            self._visible_items.append((x0, x1, top, top + height, event))
            if runs and x0 <= runs[-1][1] + 0.5:
                runs[-1][1] = max(runs[-1][1], x1)
            else:
                runs.append([x0, x1])
            if x1 - x0 > 24 and event.label:
                labelled.append((x0, x1, event))
        speakers = [e.payload.get("speaker") for e in events]
        if any(speakers):  # speaker turns and utterances: one colour per speaker
            for (x0, x1, _t, _b, _e), speaker in zip(self._visible_items, speakers):
                painter.fillRect(QRectF(x0, top, x1 - x0, height), speaker_colour(speaker))
        else:
            for x0, x1 in runs:
                painter.fillRect(QRectF(x0, top, x1 - x0, height), ITEM)
            separator = self.palette().base().color()
            for x0, x1, _t, _b, _e in self._visible_items:  # where items that touch meet
                if x1 - x0 >= MIN_SEPARATED_PX and x0 > left:
                    painter.fillRect(QRectF(x0, top, 1.0, height), separator)
        self._paint_keyframes(painter, events, top, height)
        if self.selected is not None:
            for x0, x1, _top, _bottom, event in self._visible_items:
                if event == self.selected:
                    painter.fillRect(QRectF(x0, top, x1 - x0, height), ITEM_SELECTED)
        metrics = painter.fontMetrics()
        painter.setPen(Qt.GlobalColor.white)
        for x0, x1, event in labelled:
            rect = QRectF(x0 + 3, top, x1 - x0 - 6, height)
            text = metrics.elidedText(event.label, Qt.TextElideMode.ElideRight, int(rect.width()))
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_keyframes(self, painter: QPainter, events: list[Event], top: float,
                         height: float) -> None:
        """A shot's keyframe at its start when the shot is wide enough to show it."""
        if self.keyframe_loader is None:
            return
        for x0, x1, _t, _b, event in self._visible_items:
            digest = event.payload.get("keyframe")
            if event.kind != "shot" or not digest or x1 - x0 < height * 1.9:
                continue
            pixmap = self.keyframe_loader(digest)
            if pixmap is not None and not pixmap.isNull():
                painter.drawPixmap(QRectF(x0 + 1, top + 1, height * 16 / 9 - 2, height - 2),
                                   pixmap, QRectF(pixmap.rect()))

    def visible_items(self) -> list[tuple[QRectF, Event]]:
        """The items drawn in the last paint, with their boxes."""
        return [(QRectF(x0, top, x1 - x0, bottom - top), event)
                for x0, x1, top, bottom, event in self._visible_items]

    def _paint_density(self, painter: QPainter, tier: Tier, track: QRectF) -> None:
        peak = max(tier.per_minute.values(), default=1)
        first, last = int(self.view_start // 60), int((self.view_start + self.view_span) // 60)
        for minute in range(first, last + 1):
            count = tier.per_minute.get(minute, 0)
            if not count:
                continue
            rect = self._span_rect(track, minute * 60, minute * 60 + 60)
            height = track.height() * count / peak
            painter.fillRect(QRectF(rect.left(), track.bottom() - height, max(1.0, rect.width()),
                                    height), ITEM)

    # -- input -----------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120 or event.angleDelta().x() / 120
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.25 ** steps, self.time_at(event.position().x()))
        else:
            self.pan(-steps * self.view_span / 10)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5, self.cursor_s)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / 1.5, self.cursor_s)
        elif key == Qt.Key.Key_Left:
            self.pan(-self.view_span / 10)
        elif key == Qt.Key.Key_Right:
            self.pan(self.view_span / 10)
        elif key == Qt.Key.Key_Home:
            self.set_view(0.0, self.view_span)
        elif key == Qt.Key.Key_0:
            self.set_view(0.0, self.duration)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tier = self.tier_label_at(QPointF(event.pos()))  # a QHelpEvent
            if tier is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), module_label(tier.module), self)
            return True
        return super().event(event)

    def tier_label_at(self, point: QPointF) -> Tier | None:
        """The tier whose name is drawn at ``point``, if any."""
        index = int((point.y() - RULER_H) // TIER_H)
        if (self.data is None or point.x() >= LABEL_W or point.y() < RULER_H
                or index >= len(self.data.tiers)):
            return None
        return self.data.tiers[index]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from, self._dragged = event.position(), False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is None:
            return
        dx = event.position().x() - self._drag_from.x()
        if abs(dx) > 3 or self._dragged:
            self._dragged = True
            self.pan(-dx / self._track_width() * self.view_span)
            self._drag_from = event.position()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None and not self._dragged and event.position().x() > LABEL_W:
            self.click_at(event.position())
        self._drag_from = None

    def click_at(self, point: QPointF) -> None:
        self.cursor_s = max(0.0, self.time_at(point.x()))
        self.cursor_moved.emit(self.cursor_s)
        hit = next((event for rect, event in self.visible_items()
                    if rect.adjusted(-2, -2, 2, 2).contains(point)), None)
        self.selected = hit
        self.item_selected.emit(hit)
        self.update()
