"""Sensitive-content screening of text (pure: no database)."""

from banquan.screening.text.engine import FUZZY_KINDS, KINDS, Hit, Screener
from banquan.screening.text.lexicon import LexiconError, Term

__all__ = ["FUZZY_KINDS", "KINDS", "Hit", "LexiconError", "Screener", "Term"]
