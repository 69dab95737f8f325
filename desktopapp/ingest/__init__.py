"""Building the event database from a source text and its annotations."""
