"""QPainter drawing shared by the window, print and PDF export (QtGui only, no widgets)."""
