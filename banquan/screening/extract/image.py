"""Text inside images, read by OCR. Each OCR line keeps its box (in the original image's
pixels) so the reviewer can be shown where in the image a hit is."""

import io
import logging
from collections.abc import Iterator
from typing import cast

from PIL import Image, ImageOps, UnidentifiedImageError

from banquan.screening.extract.base import Box, Extracted, Piece, Unreadable, joined
from banquan.screening.ocr import Ocr

log = logging.getLogger(__name__)

MAX_PIXELS = 80_000_000  # as for thumbnails: larger canvases are refused unread
MAX_SIDE = 4000  # larger images are scaled down for OCR (boxes are scaled back)
MAX_PAGES = 20  # pages of a multi-page TIFF read by OCR
BLANK_CONTRAST = 12  # grey levels between the darkest and lightest pixel of an image with text

Part = tuple[str, str, Box | None]


def _rgb(frame: Image.Image) -> Image.Image:
    if frame.mode in ("RGBA", "LA", "P", "PA"):
        rgba = frame.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return frame.convert("RGB")


def _blank(image: Image.Image) -> bool:
    """One flat colour: no text to read (and no need to spend a second of OCR on it)."""
    low, high = cast(tuple[int, int], _rgb(image).convert("L").getextrema())
    return high - low < BLANK_CONTRAST


def read_lines(image: Image.Image, ocr: Ocr, *, prefix: str = "") -> list[Part]:
    """OCR one image: a (label, text, box) part per line; raises Unreadable if OCR fails."""
    if _blank(image):
        return []
    scale = 1.0
    if max(image.size) > MAX_SIDE:
        scale = max(image.size) / MAX_SIDE
        image = image.resize((round(image.width / scale), round(image.height / scale)))
    try:
        lines = ocr.read(_rgb(image))
    except Exception as e:
        log.exception("OCR failed")
        raise Unreadable(f"文字识别（OCR）出错：{type(e).__name__}: {e}") from None
    return [
        (f"{prefix}第 {n} 行文字", line.text, [[x * scale, y * scale] for x, y in line.box])
        for n, line in enumerate(lines, 1)
    ]


def _frames(img: Image.Image, problems: list[str]) -> Iterator[tuple[str, Image.Image]]:
    count = getattr(img, "n_frames", 1)
    if count == 1:
        yield "", ImageOps.exif_transpose(img)
        return
    if img.format != "TIFF":  # an animation: its first frame stands for it
        problems.append(f"动态图片共 {count} 帧，只识别了第一帧的文字。")
        img.seek(0)
        yield "", img.copy()
        return
    for page in range(min(count, MAX_PAGES)):
        img.seek(page)
        yield f"第 {page + 1} 页", img.copy()
    if count > MAX_PAGES:
        problems.append(f"TIFF 共 {count} 页，只识别了前 {MAX_PAGES} 页的文字，其余请人工查看。")


def open_image(data: bytes) -> Image.Image:
    try:
        img = Image.open(io.BytesIO(data))
        width, height = img.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as e:
        raise Unreadable(f"图片无法解码，文件可能已损坏（{type(e).__name__}）。") from None
    if width * height > MAX_PIXELS:
        raise Unreadable(f"图片尺寸过大（{width}×{height} 像素），未做文字识别，请人工查看。")
    return img


def extract(data: bytes, ocr: Ocr) -> Extracted:
    img = open_image(data)
    result = Extracted()
    try:
        for location, frame in _frames(img, result.problems):
            frame.load()
            piece = joined(read_lines(frame, ocr))
            if piece.text:
                result.pieces.append(Piece(location, piece.text, piece.segments))
    except (OSError, ValueError, SyntaxError, EOFError) as e:
        raise Unreadable(f"图片无法解码，文件可能已损坏（{type(e).__name__}）。") from None
    return result
