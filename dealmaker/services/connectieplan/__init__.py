"""The connectieplan of one deal (or of the whole workspace), read with the ORM into a
``graph.Plan``; the deals to choose from. Qt-free: the window, the command line and the
workbook all call it."""

from dealmaker.services.connectieplan.load import DealChoice, deal_choices, find_deal, load_plan

__all__ = ["DealChoice", "deal_choices", "find_deal", "load_plan"]
