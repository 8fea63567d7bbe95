"""Mandaten: the register of who may promise what, and its editor."""
