"""A deterministic demo workspace: invented people and amounts around the real Regio Deals.

``demo_rows`` yields the rows; ``demo_steps`` writes them into a new workspace file with
progress (closing it early deletes the file); ``create_demo`` runs it to completion.
No Qt here: the window and the CLI both drive ``demo_steps``.
"""

from dealmaker.services.demo.base import REFERENCE_DATE
from dealmaker.services.demo.generate import demo_rows
from dealmaker.services.demo.marker import is_demo
from dealmaker.services.demo.scale import Scale, parse_size, scale_for
from dealmaker.services.demo.write import DemoStep, create_demo, demo_steps

__all__ = [
    "REFERENCE_DATE",
    "DemoStep",
    "Scale",
    "create_demo",
    "demo_rows",
    "demo_steps",
    "is_demo",
    "parse_size",
    "scale_for",
]
