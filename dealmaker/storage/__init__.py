"""Storage: SQLAlchemy models, the workspace file, migrations and the unit of work."""
