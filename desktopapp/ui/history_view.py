"""The audit trail as a table: when (local time), who, what, old → new, why.

Use::

    view = HistoryView(parent)                    # in the detail pane, for one event
    view.set_entries(store.history(event.key))
    HistoryDialog(store.history(), parent).show()  # the whole timeline's, in a window

Rows are the store's ``HistoryEntry(when, author, text, field, old, new, note)``, in the
order given. ``when`` is a ``datetime`` or an ISO 8601 text; one without a time zone is UTC
(SQLite's ``CURRENT_TIMESTAMP``) and is shown in the local time zone. Values are shown as
plain text, cut to one line of :data:`SHOWN_CHARACTERS`; the tooltip holds the whole of it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktopapp.domain.l10n import language
from desktopapp.ui.dialog_frame import frame_as_dialog
from desktopapp.ui.edit_fields import one_line, plain_label
from desktopapp.ui.plain import tooltip

SHOWN_CHARACTERS = 80
COLUMNS = ("When", "Who", "What", "Old → new", "Why")  # in English, for the code's reader


def column_titles() -> tuple[str, ...]:
    """The :data:`COLUMNS`' headers in the reader's language."""
    return (
        QCoreApplication.translate("HistoryModel", "When"),
        QCoreApplication.translate("HistoryModel", "Who"),
        QCoreApplication.translate("HistoryModel", "What"),
        QCoreApplication.translate("HistoryModel", "Old → new"),
        QCoreApplication.translate("HistoryModel", "Why"),
    )


class HistoryRecord(Protocol):
    """What the view reads of a history entry (the store's HistoryEntry has these)."""

    @property
    def when(self) -> dt.datetime | str: ...
    @property
    def author(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def old(self) -> Any: ...  # decoded from JSON: a text, a number, a list, a record or None
    @property
    def new(self) -> Any: ...
    @property
    def note(self) -> str: ...


def local_time(when: dt.datetime | str) -> str:
    """``when`` in the local time zone, to the minute ('2022-03-01 14:05'); a text that is
    not a date and time is shown as it is."""
    if isinstance(when, str):
        try:
            when = dt.datetime.fromisoformat(when.strip())
        except ValueError:
            return one_line(str(when), 40)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    from babel.dates import format_datetime

    #: An LDML pattern (Unicode date fields): how the history writes a moment in this
    #: language; French readers expect the day first ("01/03/2022 14:05").
    pattern = QCoreApplication.translate("HistoryModel", "yyyy-MM-dd HH:mm")
    return format_datetime(when.astimezone(), pattern, locale=language())


def value_text(value: object) -> str:
    """A recorded value as text: a text as it is, nothing as "", a list or record as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def change_text(entry: HistoryRecord) -> str:
    """'date: 2022-03-01 → 2022-03-02'; an added value has no old side, a removed one no new."""
    old, new = value_text(entry.old), value_text(entry.new)
    if not (old or new):
        return ""
    if entry.field in ("", "*") and not (old and new):  # a whole record added or removed
        if new:
            return QCoreApplication.translate("HistoryModel", "added")
        return QCoreApplication.translate("HistoryModel", "removed")
    old = old or QCoreApplication.translate("HistoryModel", "(none)")
    new = new or QCoreApplication.translate("HistoryModel", "(removed)")
    values = f"{old} → {new}"
    if not entry.field:
        return values
    return QCoreApplication.translate("HistoryModel", "{field}: {values}").format(
        field=entry.field, values=values
    )


class HistoryModel(QAbstractTableModel):
    """One row per history entry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryRecord] = []

    def set_entries(self, entries: Sequence[HistoryRecord]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> HistoryRecord:
        return self._entries[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return column_titles()[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        full = self._cell(self._entries[index.row()], index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(full) if len(full) > SHOWN_CHARACTERS or "\n" in full else None
        return one_line(full, SHOWN_CHARACTERS)

    @staticmethod
    def _cell(entry: HistoryRecord, column: int) -> str:
        if column == 0:
            return local_time(entry.when)
        if column == 1:
            return value_text(entry.author)
        if column == 2:
            return value_text(entry.text)
        if column == 3:
            return change_text(entry)
        return value_text(entry.note)


class HistoryView(QWidget):
    """The history table, with a line saying when there is nothing in it yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setObjectName("historyTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.empty = plain_label(self.tr("No changes recorded yet."), dim=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.set_entries(())

    def set_entries(self, entries: Sequence[HistoryRecord]) -> None:
        self.model.set_entries(entries)
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows:
            self.table.resizeColumnsToContents()
            for column in range(len(COLUMNS) - 1):  # long texts keep the table readable
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))


class HistoryDialog(QDialog):
    """The whole timeline's history in its own window."""

    def __init__(
        self,
        entries: Sequence[HistoryRecord],
        parent: QWidget | None = None,
        *,
        title: str | None = None,
    ) -> None:
        super().__init__(parent)
        frame_as_dialog(self, resizable=True)  # a table to read at length
        self.setWindowTitle(title if title is not None else self.tr("History of this timeline"))
        self.view = HistoryView()
        self.view.set_entries(entries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(900, 420)
