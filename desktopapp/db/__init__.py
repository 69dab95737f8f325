"""SQLAlchemy persistence: schema, engine, and the repository returning domain objects."""
