"""How a window being edited follows the others, and notices a server that went away.

Every second (and at once when a server says so, through its ``LISTEN`` connection: see
db/listening.py) the window asks its document whether another window or program wrote the
timeline (:meth:`TimelineDocument.check_external_change`); the document then reads it anew.
On a file the poll is all there is; on a server it is the fallback of the notifications.

When that question cannot be answered (the server stopped, the network is cut) the window
says so in a banner of its status bar, without a modal box: what is shown stays shown,
editing is off, and the next poll that reaches the server again brings the window back, as
the timeline is now.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from desktopapp.db.errors import QUERY_ERRORS, describe_error
from desktopapp.db.listening import listen_for_changes
from desktopapp.document import TimelineDocument

EXTERNAL_CHECK_MS = 1000  # how often an edited timeline is checked for another's writes


class ChangeWatch(QObject):
    """The poll, the server's notifications and the "connection lost" banner of a window."""

    online_changed = Signal(bool)
    _heard = Signal()  # a notification, from the listener's thread to this one

    def __init__(self, window: QMainWindow, document: TimelineDocument) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._online = True
        self._listener: object | None = None
        self._followed: object | None = None  # the store followed
        self._timer = QTimer(self)
        self._timer.setInterval(EXTERNAL_CHECK_MS)
        self._timer.timeout.connect(self.check)
        # Queued: the listener calls from its own thread; the check runs on the window's.
        self._heard.connect(self.check, Qt.ConnectionType.QueuedConnection)
        self.banner = QLabel(window)
        self.banner.setObjectName("connectionBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setAccessibleName(self.tr("Connection"))
        # A warning's colours on any theme (both set, so dark mode cannot hide the text).
        self.banner.setStyleSheet(
            "QLabel { font-weight: bold; padding: 1px 8px; color: #5c3c00; "
            "background: #ffe8a3; border-radius: 3px; }"
        )
        self.banner.hide()
        window.statusBar().insertPermanentWidget(0, self.banner, 1)
        window.installEventFilter(self)  # stop listening when the window closes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.stop()  # no thread may wake a window that is gone
        return False

    @property
    def online(self) -> bool:
        """False while the timeline cannot be reached (then nothing can be edited)."""
        return self._online

    def follow(self) -> None:
        """Follow the document's timeline (when it is another than the one followed): the
        poll while it is edited, and the server's notifications when it is on a server, also
        when it is only viewed (a viewer's window sees the editors' changes too)."""
        store = self._document.store
        followed = store if store is not None else self._document.repository
        if followed is self._followed:
            return
        self.stop()
        self._followed = followed
        self._set_online(True, "")

        def wake(_payload: str) -> None:
            self._heard.emit()

        if store is None:
            self._listener = listen_for_changes(self._document.repository.engine, wake)
            return
        listen = getattr(store, "listen", None)
        self._listener = listen(wake) if listen else None
        self._timer.start()

    def stop(self) -> None:
        self._followed = None
        self._timer.stop()
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()  # type: ignore[attr-defined]

    def check(self) -> bool:
        """Show the timeline as it is now if another window or program wrote to it; True if
        it had. A timeline that cannot be reached turns the banner on, one that can off."""
        if self._document.store is None:
            if self._listener is None:
                return False
            self._document.reread()  # viewed: no version to compare, a notice is enough
            return True
        try:
            changed = self._document.check_external_change()
        except QUERY_ERRORS as error:
            self._set_online(False, describe_error(error))
            return False
        if not self._online:
            self._set_online(True, "")
            if not changed:
                self._document.reread()  # what failed to load while away is loaded now
        if changed:
            self._window.statusBar().showMessage(
                self.tr(
                    "Another window or program changed this timeline: it is shown as it is "
                    "now (your earlier edits can no longer be undone)"
                ),
                10000,
            )
        return changed

    def _set_online(self, online: bool, reason: str) -> None:
        if online == self._online:
            return
        self._online = online
        if online:
            self.banner.hide()
            self._window.statusBar().showMessage(
                self.tr("Connected again: the timeline is up to date"), 8000
            )
        else:
            self.banner.setText(self._lost_text())
            self.banner.setToolTip(
                self.tr("What is shown stays as it was; the window reconnects by itself.")
                + "\n"
                + reason
            )
            self.banner.show()
        self.online_changed.emit(online)

    def _lost_text(self) -> str:
        store = self._document.store
        time = QTime.currentTime().toString("HH:mm")  # 24 hours, in both languages
        if getattr(store, "server", None) is not None:
            text = self.tr(
                "⚠ Connection to the server lost at {time}: reconnecting; editing is off"
            )
        else:
            text = self.tr(
                "⚠ Connection to the timeline lost at {time}: reconnecting; editing is off"
            )
        return text.format(time=time)
