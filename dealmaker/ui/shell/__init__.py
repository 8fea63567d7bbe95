"""The application shell: the window, its menus and sidebar, and everything a feature may
use (``context.AppContext``, the ``page.Page`` protocol, task lanes, signals, shared
widgets). The shell imports no feature; features import only the shell."""
