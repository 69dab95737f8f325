"""What differs between database engines, behind one seam.

Everything SQLite-specific that the schema, the builder, the repository and the store need
(the full-text index and its MATCH, triggers that keep counts, pragmas, ``INDEXED BY``, day
arithmetic) is in :mod:`desktopapp.db.dialect.sqlite`. A second engine (PostgreSQL for a team
server) is a second module with the same names.
"""
