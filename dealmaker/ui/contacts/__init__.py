"""The Contacten screen, the contact card and their actions."""
