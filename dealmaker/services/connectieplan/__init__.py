"""The connectieplan of one deal (or of the whole workspace), read with the ORM into a
``graph.Plan``; the deals to choose from. Qt-free: the window, the command line and the
workbook all call it."""

from dealmaker.services.connectieplan.drawing import (
    CONNECTIEPLAN,
    FORCE,
    PlanDrawing,
    draw_plan,
    lay_out,
)
from dealmaker.services.connectieplan.load import DealChoice, deal_choices, find_deal, load_plan

__all__ = ["CONNECTIEPLAN", "FORCE", "DealChoice", "PlanDrawing", "deal_choices", "draw_plan",
           "find_deal", "lay_out", "load_plan"]
