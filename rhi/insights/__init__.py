"""Insight: dashboards, panels, the annual tables and the statutory returns.

Every figure is computed in the database from the records; filters live in
the URL; anything exported or published suppresses counts of 1-4.
"""
