"""The notification centre (persisted in the project), transient toasts, and tray messages."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from aima_desktop.store.project import Project
from aima_desktop.ui.resume_dialog import local_time

TOAST_MS = 6000


class NotificationItem(QFrame):
    """One notification: title, message, time and its action buttons."""

    def __init__(self, note: dict, on_action, parent: QWidget | None = None):
        super().__init__(parent)
        self.note = note
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        weight = "normal" if note["read"] else "bold"
        title = QLabel(f"<span style='font-weight:{weight}'>{note['title']}</span>")
        title.setWordWrap(True)
        layout.addWidget(title)
        message = QLabel(note["message"])
        message.setWordWrap(True)
        layout.addWidget(message)
        when = QLabel(local_time(note["created_at"]))
        when.setEnabled(False)
        layout.addWidget(when)
        buttons = QGridLayout()  # two columns, so that a note fits a narrow dock
        self.action_buttons: dict[str, QPushButton] = {}
        for position, action in enumerate(note["actions"]):
            button = QPushButton(action["label"])
            button.clicked.connect(lambda _=False, a=action: on_action(
                a["action"], int(a["params"]["job_id"]), note["id"]))
            self.action_buttons[action["action"]] = button
            buttons.addWidget(button, *divmod(position, 2))
        buttons.setColumnStretch(2, 1)
        layout.addLayout(buttons)


class NotificationCentre(QWidget):
    """The list of a project's notifications, newest first, with an unread count."""

    action_requested = Signal(str, int)  # action, job_id
    unread_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.project: Project | None = None
        self.known_ids: set[int] = set()
        layout = QVBoxLayout(self)
        # a scroll area, not a list view, so that the notes wrap to the dock's width
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        self.stack = QVBoxLayout(content)
        self.stack.addStretch()
        self.scroll.setWidget(content)
        layout.addWidget(self.scroll)
        self.mark_read_button = QPushButton(self.tr("Mark all as read"))
        self.mark_read_button.clicked.connect(self.mark_all_read)
        layout.addWidget(self.mark_read_button)

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.known_ids = set()
        self.refresh()

    def refresh(self) -> list[dict]:
        """Reload; return the notifications that are new since the last refresh."""
        while self.stack.count() > 1:  # all but the closing stretch
            self.stack.takeAt(0).widget().deleteLater()
        if self.project is None:
            self.unread_changed.emit(0)
            return []
        notes = self.project.notifications.notifications()
        fresh = [n for n in notes if n["id"] not in self.known_ids] if self.known_ids else []
        self.known_ids = {n["id"] for n in notes} or {0}
        for position, note in enumerate(reversed(notes)):
            self.stack.insertWidget(position, NotificationItem(note, self._act))
        self.unread_changed.emit(self.unread_count())
        return fresh

    def unread_count(self) -> int:
        if self.project is None:
            return 0
        return len(self.project.notifications.notifications(unread_only=True))

    def items(self) -> list[NotificationItem]:
        return [self.stack.itemAt(i).widget() for i in range(self.stack.count() - 1)]

    def _act(self, action: str, job_id: int, notification_id: int) -> None:
        self.project.notifications.mark_read(notification_id)
        self.action_requested.emit(action, job_id)
        self.refresh()

    def mark_all_read(self) -> None:
        if self.project is None:
            return
        for note in self.project.notifications.notifications(unread_only=True):
            self.project.notifications.mark_read(note["id"])
        self.refresh()


class Toast(QFrame):
    """A short-lived message in the corner of the main window."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("toast")
        self.setStyleSheet("#toast { background: #323232; border-radius: 6px; }"
                           "QLabel { color: white; }")
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        self.setFixedWidth(380)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_note(self, note: dict) -> None:
        self.title.setText(f"<b>{note['title']}</b>")
        self.message.setText(note["message"])
        self.setFixedHeight(self.heightForWidth(self.width()))
        parent = self.parentWidget()
        self.move(parent.width() - self.width() - 16, parent.height() - self.height() - 40)
        self.raise_()
        self.show()
        self._timer.start(TOAST_MS)

    def mousePressEvent(self, _event) -> None:
        self.hide()
