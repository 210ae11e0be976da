"""The back office: pages and rules that coordinate several apps (docs/architecture.md, Layers).

It has no models of its own: the rows it works on stay in the app that owns them, so moving
code here never moves a table.
"""
