"""The translation catalogues, one pair per language beside English (the source language):

- ``desktopapp_<lang>.ts``: the window's words (``tr()`` in ``desktopapp/ui/`` and
  ``desktopapp/app.py``), Qt Linguist's format, compiled to ``.qm`` by ``pyside6-lrelease``;
- ``desktopapp_<lang>.po``: the plain layers' words (``desktopapp.domain.l10n``), gettext's
  format, read by Babel.

``python -m desktopapp.i18n update`` refreshes both from the code (new messages appear as
unfinished, vanished ones are dropped), ``compile`` builds the ``.qm`` files, ``check`` lists
what is not translated, and ``resolve``, after a ``git merge`` that conflicts on them,
writes each as the union of both branches' messages. See :mod:`desktopapp.i18n.catalogues`.
"""
