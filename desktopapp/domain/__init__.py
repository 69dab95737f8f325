"""Plain-Python domain: events, actors, honest dates, the filter. No Qt, no SQL."""
