"""Themes: the tagger's suggestions on interview notes and texts, and people's decisions on them."""
