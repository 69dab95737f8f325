"""Data shipped with the app: the source article, its annotations and the icons."""
