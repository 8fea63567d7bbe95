"""The window's small style sheet (palette-based, so it follows light and dark themes)."""

STYLE_SHEET = """
QListWidget#sidebar {
    border: none;
    border-right: 1px solid palette(mid);
    background: palette(window);
    font-size: 14px;
    padding-top: 8px;
}
QListWidget#sidebar::item { padding-left: 14px; border-radius: 4px; margin: 1px 6px; }
QListWidget#sidebar::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
QLabel#pageTitle { font-size: 22px; font-weight: 600; }
QLabel#pageIntro { color: palette(text); }
QFrame#countCard { border: 1px solid palette(mid); border-radius: 6px;
    background: palette(base); }
QLabel#countValue { font-size: 18px; font-weight: 600; }
QLabel#countValue[warning="true"] { color: #b3261e; }
QLabel#countCaption { color: palette(text); }
QLabel#sectionTitle { font-size: 15px; font-weight: 600; }
QLabel#emptyText { color: palette(dark); padding: 8px 2px; }
QLabel#errorText { color: #b3261e; }
"""
