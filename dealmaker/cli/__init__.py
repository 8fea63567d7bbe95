"""The ``dealmaker`` command line: the window by default, batch work as subcommands."""
