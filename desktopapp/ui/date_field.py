"""A date field that reads what is typed as typed, with a calendar popup.

QDateEdit types into sections: typing ``1 Mar 2022`` over "21 Feb 2022" edits the day section
and keeps the rest, so the field silently shows another date, and a lone ``1`` is refused. This
field is a line edit: what is typed is read as a whole, by the same parser as the command line
(:func:`desktopapp.domain.filter.parse_user_date`), when the person presses Enter or leaves the
field. A text that cannot be read is said to be so (:attr:`DateField.problemChanged`) and the
date the filter uses stays what it was.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from desktopapp.domain.date_words import calendar_words, short_day_words
from desktopapp.domain.filter import FilterError, parse_user_date
from desktopapp.domain.l10n import _, month_name, quoted
from desktopapp.ui.plain import tooltip


def day_text(year: int, month: int, day: int | None = None, *, abbreviated: bool = True) -> str:
    """A day (or month) the reader cannot misread: '1 Mar 2022', '1er mars 2022',
    '21 févr. 2022'; without a day, 'Mar 2022'; not ``abbreviated``, '1 March 2022'. The
    window's lists, fields and tooltips share it, and it writes a day in the date words'
    messages, so a day reads alike in the window and in the exports."""
    if not abbreviated:
        return calendar_words(year, month, day)
    if day is None:
        return _("{month} {year}").format(
            month=month_name(month, abbreviated=True, standalone=True), year=year
        )
    return short_day_words(datetime.date(year, month, day))


def date_text(value: datetime.date) -> str:
    """How the field shows a date: '1 Mar 2022' (day, month and year cannot be confused)."""
    return day_text(value.year, value.month, value.day)


def examples() -> str:
    """Dates the field reads, written as the reader's language writes them."""
    return QCoreApplication.translate("DateField", "{day}, {iso} or {month}").format(
        day=day_text(2022, 3, 1),
        iso="2022-03-01",
        month=day_text(2022, 3, abbreviated=False),
    )


def month_first_note() -> str:
    """How numbers alone are read (month first, as parse_user_date reads them; a test holds
    the two together without parsing at every window's start)."""
    return QCoreApplication.translate(
        "DateField", "Numbers alone are read month first: 03/01/2022 is {date}."
    ).format(date=date_text(datetime.date(2022, 3, 1)))


class DateField(QLineEdit):
    """One date, typed in any form python-dateutil reads or picked from a calendar.

    ``end_of_period`` is for the end of a range: a month or a year typed means its last day.
    """

    dateChanged = Signal(object)  # the new date (datetime.date), after Enter, Tab or a pick
    problemChanged = Signal(str)  # why the typed text is not a date, or "" once it reads

    def __init__(
        self, value: datetime.date, *, end_of_period: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._date = value
        self._end_of_period = end_of_period
        self._problem = ""
        self.setText(date_text(value))
        tip = self.tr(
            "Type a date ({examples}) and press Enter or Tab, or pick one from the calendar "
            "(Alt+Down)."
        ).format(examples=examples())
        tip += " " + month_first_note()
        if end_of_period:
            tip += " " + self.tr("A month or a year means its last day.")
        self.setToolTip(tooltip(tip))  # rich text, so that Qt wraps its three sentences
        self._calendar_action = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
            self.tr("Pick a date"),
            self,
        )
        self._calendar_action.setToolTip(self.tr("Pick a date from a calendar (Alt+Down)"))
        self._calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self._calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self._calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self.commit)

    # -- the value -------------------------------------------------------------------------

    def date(self) -> datetime.date:
        """The last date read (what the filter uses), whatever is being typed now."""
        return self._date

    def setDate(self, value: datetime.date) -> None:  # the QDateEdit name, kept on purpose
        """Show this date, emitting dateChanged if it is another one."""
        self.setText(date_text(value))
        self._set_problem("")
        if value != self._date:
            self._date = value
            self.dateChanged.emit(value)

    def problem(self) -> str:
        """Why the text in the field is not a date ("" when it is the date shown)."""
        return self._problem

    def revert(self) -> None:
        """Show the date in use again, forgetting an unreadable text."""
        self.setText(date_text(self._date))
        self._set_problem("")

    def commit(self) -> None:
        """Read the typed text (on Enter or leaving the field)."""
        typed = self.text()
        if typed == date_text(self._date):
            self._set_problem("")
            return
        try:
            value = parse_user_date(typed, end_of_period=self._end_of_period)
        except FilterError:
            shown = " ".join(typed.split())
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            still = date_text(self._date)
            self._set_problem(
                self.tr("{typed} is not a date I can read (try {examples}); still {date}").format(
                    typed=quoted(shown), examples=examples(), date=still
                )
                if shown
                else self.tr("Type a date ({examples}); still {date}").format(
                    examples=examples(), date=still
                )
            )
            return
        self.setDate(value)

    def _set_problem(self, text: str) -> None:
        if text != self._problem:
            self._problem = text
            self.setAccessibleDescription(text)
            self.problemChanged.emit(text)

    # -- the calendar ----------------------------------------------------------------------

    def show_calendar(self) -> None:
        """Open the calendar under the field on the date in use."""
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setObjectName(f"{self.objectName()}Calendar")
            self._calendar.setGridVisible(True)
            self._calendar.activated.connect(self._picked)
            self._calendar.clicked.connect(self._picked)
        calendar = self._calendar
        calendar.setSelectedDate(QDate(self._date.year, self._date.month, self._date.day))
        calendar.adjustSize()
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def calendar(self) -> QCalendarWidget | None:
        """The calendar popup, once it has been opened."""
        return self._calendar

    def _picked(self, value: QDate) -> None:
        if self._calendar is not None:
            self._calendar.hide()
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.setDate(datetime.date(value.year(), value.month(), value.day()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens:
            self.show_calendar()
            return
        super().keyPressEvent(event)
