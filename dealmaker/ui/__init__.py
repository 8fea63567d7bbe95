"""The PySide6 window. Everything Qt lives here; below it the core is Qt-free."""
