"""Brand-logo screening: safe image loading and a logo matcher (no database).

See docs/logos.md for the pipeline and how its threshold was picked.
"""

from banquan.logos.images import LogoError, load_rgb
from banquan.logos.matcher import THRESHOLD, LogoIndex, Match

__all__ = ["THRESHOLD", "LogoError", "LogoIndex", "Match", "load_rgb"]
