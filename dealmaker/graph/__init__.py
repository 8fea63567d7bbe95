"""The connectieplan as a graph, without Qt: model, analysis and layouts.

``model`` holds the plain data a service reads from the workspace (``Plan``) and turns
it into a networkx graph; ``analysis`` and ``brokers`` find what is missing, cold or
hangs on one person; ``layout`` places the nodes (connectieplan columns or
force-directed). The window, the command line and the workbook all use it.
"""
