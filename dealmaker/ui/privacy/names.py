"""File names made from a person's name (the name itself comes from a service)."""

from __future__ import annotations


def safe_file_name(text: str) -> str:
    """A name usable in a file name on Windows, macOS and Linux."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text)
    return " ".join(cleaned.split()).strip(" .") or "contact"
