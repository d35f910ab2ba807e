"""Homeward's theme tagger: a plain library with no Flask imports (see nlp.md)."""
