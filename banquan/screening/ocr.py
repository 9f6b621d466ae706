"""The OCR interface: read the lines of text in an image, each with its box.

The implementation is chosen by ``settings.BANQUAN_OCR`` (see ``banquan.core.plugins``); the
default runs RapidOCR (PP-OCR models in ONNX, shipped inside the ``rapidocr-onnxruntime``
wheel) offline, in this process. Its models are loaded once per process, on first use.
"""

import logging
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from PIL import Image

from banquan.core import plugins

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OcrLine:
    text: str
    box: list[list[float]]  # four (x, y) corners in the image's pixels
    score: float


class Ocr(Protocol):
    def read(self, image: Image.Image) -> list[OcrLine]:
        """The text lines in ``image`` (RGB), top to bottom."""
        ...


class RapidOcr:
    """RapidOCR on onnxruntime. One engine per process, used by one thread at a time: the
    models are not small, and two OCR jobs at once would only fight over the same cores."""

    def __init__(self) -> None:
        self._engine: Any = None
        self._lock = threading.Lock()

    def _loaded(self) -> Any:
        if self._engine is None:
            from rapidocr_onnxruntime import RapidOCR

            log.info("loading the OCR models")
            self._engine = RapidOCR()
        return self._engine

    def read(self, image: Image.Image) -> list[OcrLine]:
        import numpy as np

        pixels = np.asarray(image.convert("RGB"))[:, :, ::-1]  # RapidOCR wants OpenCV's BGR
        with self._lock:
            result, _elapsed = self._loaded()(np.ascontiguousarray(pixels))
        return [  # RapidOCR gives them in reading order: top to bottom, left to right
            OcrLine(str(text), [[float(x), float(y)] for x, y in box], float(score))
            for box, text, score in (result or [])
            if str(text).strip()
        ]


def engine() -> Ocr:
    return plugins.get("BANQUAN_OCR")
