"""The mandate register: who may promise what, up to which amount, granted by whom."""
