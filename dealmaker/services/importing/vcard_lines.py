"""One vCard content line, unfolded: its name, parameters and decoded text.

A tolerant reader of what real programs write (vCard 2.1, 3.0, 4.0): group prefixes
(``item1.EMAIL``), bare 2.1 parameters (``TEL;WORK;VOICE``), quoted parameter values,
quoted-printable text with or without ``CHARSET`` (without one it is UTF-8 when that
decodes, else Windows-1252, as Outlook and old phones write it), and the backslash
escapes of 3.0/4.0. Nothing here raises on odd input: a line that is not a property
gives ``None``.
"""

from __future__ import annotations

import codecs
import quopri
import re
from dataclasses import dataclass, field

_NAME = re.compile(r"[A-Za-z0-9-]+")
_ESCAPED = {"n": "\n", "N": "\n", ",": ",", ";": ";", ":": ":", "\\": "\\", '"': '"'}


@dataclass
class Property:
    name: str
    params: dict[str, list[str]] = field(default_factory=dict)
    value: str = ""

    def has_type(self, *types: str) -> bool:
        mine = {t.lower() for t in self.params.get("TYPE", [])}
        return any(t.lower() in mine for t in types)

    @property
    def preferred(self) -> bool:
        return self.has_type("pref") or "PREF" in self.params


def _split_unquoted(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def parse_line(line: str) -> Property | None:
    """``EMAIL;TYPE=work:a@b.nl`` -> Property('EMAIL', {'TYPE': ['work']}, 'a@b.nl')."""
    quoted, colon = False, -1
    for index, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            colon = index
            break
    if colon < 0:
        return None
    head = _split_unquoted(line[:colon], ";")
    name = head[0].strip().rsplit(".", 1)[-1].upper()
    if not _NAME.fullmatch(name):
        return None
    params: dict[str, list[str]] = {}
    for part in head[1:]:
        key, eq, value = part.partition("=")
        if eq:
            values = [v.strip().strip('"') for v in _split_unquoted(value, ",")]
            params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
        elif key.strip():
            params.setdefault("TYPE", []).append(key.strip())
    return Property(name, params, line[colon + 1:])


def is_quoted_printable(params: dict[str, list[str]]) -> bool:
    values = params.get("ENCODING", []) + params.get("TYPE", [])
    return any(v.upper() == "QUOTED-PRINTABLE" for v in values)


def _charset(params: dict[str, list[str]]) -> str | None:
    for name in params.get("CHARSET", []):
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decoded(prop: Property) -> str:
    """The value as text: quoted-printable decoded, escapes still in place."""
    if not is_quoted_printable(prop.params):
        return prop.value
    try:
        raw = prop.value.encode("latin-1")
    except UnicodeEncodeError:
        raw = prop.value.encode("utf-8")
    data = quopri.decodestring(raw)
    charset = _charset(prop.params)
    for encoding in ([charset] if charset else []) + ["utf-8", "cp1252"]:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_escaped(text: str, sep: str) -> list[str]:
    """Split on ``sep`` not preceded by a backslash (escapes are kept)."""
    parts: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(text):
        ch = text[index]
        if ch == "\\" and index + 1 < len(text):
            current.append(text[index:index + 2])
            index += 2
            continue
        if ch == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        index += 1
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    """``a\\, b\\nc`` -> ``a, b`` newline ``c``; an unknown escape keeps its backslash."""
    out: list[str] = []
    index = 0
    while index < len(text):
        ch = text[index]
        if ch == "\\" and index + 1 < len(text) and text[index + 1] in _ESCAPED:
            out.append(_ESCAPED[text[index + 1]])
            index += 2
            continue
        out.append(ch)
        index += 1
    return "".join(out).strip()


def text_of(prop: Property) -> str:
    return unescape(decoded(prop))


def components(prop: Property) -> list[str]:
    """A structured value (N, ORG): its ``;``-separated parts, each unescaped."""
    return [unescape(part) for part in split_escaped(decoded(prop), ";")]


def list_values(prop: Property) -> list[str]:
    """A list value (CATEGORIES): its ``,``-separated parts, each unescaped."""
    return [v for v in (unescape(p) for p in split_escaped(decoded(prop), ",")) if v]
