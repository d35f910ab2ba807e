"""Tests for the nlp package (pure library: no app, no database)."""
