"""Alembic migration scripts, shipped inside the package (and in build.spec datas)."""
