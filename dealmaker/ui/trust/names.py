"""Names for dialog titles and file names (the record's name comes from a service)."""

from __future__ import annotations

from dealmaker.services.history import record_title

__all__ = ["record_title", "safe_file_name"]


def safe_file_name(text: str) -> str:
    """A name usable in a file name on Windows, macOS and Linux."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text)
    return " ".join(cleaned.split()).strip(" .") or "contact"
