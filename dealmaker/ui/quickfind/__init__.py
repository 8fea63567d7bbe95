"""Quick-find (Ctrl+K): find a person, organisation or deal by typing, and jump to it."""
