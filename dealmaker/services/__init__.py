"""Use cases: what the window and the command line call. Qt-free; own their sessions."""
