"""Safe loading of PNG, JPEG and SVG bytes into an RGB array on white.

Raster images go through Pillow with a pixel cap (decompression bombs are refused before
decoding); SVGs are checked for scripts, event handlers and external references, then
rasterised with resvg (no system library, no network, no file access).
"""

from __future__ import annotations

import io
import re
import warnings
import xml.etree.ElementTree as ET

import numpy as np
from PIL import Image

MAX_BYTES = 20 * 1024 * 1024  # any input file
MAX_SVG_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 40_000_000  # decoded raster size
SVG_RENDER_SIDE = 512  # longer side of a rasterised SVG


class LogoError(ValueError):
    """An image that cannot or must not be processed; ``reason`` is shown to the user (Chinese)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def is_svg(data: bytes, filename: str = "") -> bool:
    if filename.lower().endswith((".svg", ".svgz")):
        return True
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:4096].lower())


def load_rgb(data: bytes, filename: str = "") -> np.ndarray:
    """Decode ``data`` to an ``(h, w, 3)`` uint8 array; transparency is composited on white."""
    return load_rgb_reduced(data, filename)[0]


def load_rgb_reduced(data: bytes, filename: str = "", *, min_side: int = 0) -> tuple[np.ndarray, float]:
    """Like ``load_rgb``, but a JPEG may be decoded at 1/2, 1/4 or 1/8 of its size (libjpeg's
    DCT scaling) as long as both sides stay ≥ ``min_side``: a 12-megapixel photo then decodes
    in a fraction of the time. Returns the array and the factor from its pixels to the
    original's (1.0 when decoded at full size)."""
    if not data:
        raise LogoError("文件为空")
    if len(data) > MAX_BYTES:
        raise LogoError("文件过大")
    if is_svg(data, filename):
        return _load_svg(data), 1.0
    return _load_raster(data, min_side)


def _on_white(im: Image.Image) -> np.ndarray:
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        im = Image.alpha_composite(white, rgba)
    return np.asarray(im.convert("RGB"), dtype=np.uint8)


def _load_raster(data: bytes, min_side: int = 0) -> tuple[np.ndarray, float]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
            w, h = im.size
            if w <= 0 or h <= 0 or w * h > MAX_PIXELS:
                raise LogoError(f"图像尺寸过大（{w}×{h}），疑似解压炸弹")
            if im.format not in ("PNG", "JPEG", "MPO", "GIF", "WEBP", "BMP", "TIFF"):  # what uploads accept
                raise LogoError(f"不支持的图像格式：{im.format}")
            im.seek(0)
            if min_side and im.format in ("JPEG", "MPO"):
                im.draft("RGB", (min_side, min_side))  # keeps both sides ≥ min_side
            im.load()
    except LogoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise LogoError("图像尺寸过大，疑似解压炸弹") from None
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise LogoError(f"无法读取图像：{e}") from None
    return _on_white(im), w / im.size[0]


_LOCAL_REF = ("#", "data:")
_URL_RE = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.I)


def check_svg(text: str) -> None:
    """Refuse SVG markup with scripts, event handlers, external references or entity tricks."""
    lowered = text.lower()
    if "<!entity" in lowered:
        raise LogoError("SVG 含有实体声明（ENTITY），已拒绝")
    if "@import" in lowered:
        raise LogoError("SVG 样式引用外部资源（@import），已拒绝")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        raise LogoError(f"SVG 无法解析：{e}") from None
    if root.tag.rsplit("}", 1)[-1] != "svg":
        raise LogoError("不是 SVG 文件")
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""
        if tag == "script":
            raise LogoError("SVG 含有脚本（<script>），已拒绝")
        if tag == "foreignobject":
            raise LogoError("SVG 含有外部内容（<foreignObject>），已拒绝")
        for name, value in el.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                raise LogoError(f"SVG 含有事件属性（{local}），已拒绝")
            v = value.strip().lower()
            if local == "href" and v and not v.startswith(_LOCAL_REF):
                raise LogoError(f"SVG 引用外部资源（{value[:80]}），已拒绝")
            for ref in _URL_RE.findall(value):
                if ref and not ref.lower().startswith(_LOCAL_REF):
                    raise LogoError(f"SVG 引用外部资源（{ref[:80]}），已拒绝")
        if tag == "style" and el.text:
            for ref in _URL_RE.findall(el.text):
                if ref and not ref.lower().startswith(_LOCAL_REF):
                    raise LogoError(f"SVG 样式引用外部资源（{ref[:80]}），已拒绝")


_NUM_RE = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _svg_aspect(text: str) -> float:
    """Height over width from the root's viewBox (or width/height); 1.0 when unknown."""
    root = ET.fromstring(text)
    box = [float(x) for x in _NUM_RE.findall(root.get("viewBox", ""))]
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        return min(max(box[3] / box[2], 1e-2), 1e2)
    w = _NUM_RE.findall(root.get("width", ""))
    h = _NUM_RE.findall(root.get("height", ""))
    if w and h and float(w[0]) > 0 and float(h[0]) > 0:
        return min(max(float(h[0]) / float(w[0]), 1e-2), 1e2)
    return 1.0


def _load_svg(data: bytes) -> np.ndarray:
    import resvg_py

    if len(data) > MAX_SVG_BYTES:
        raise LogoError("SVG 文件过大")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LogoError("SVG 不是 UTF-8 编码") from None
    check_svg(text)
    if "xlink:" in text and "xmlns:xlink" not in text:  # iconify-style bodies omit the namespace
        text = text.replace("<svg", '<svg xmlns:xlink="http://www.w3.org/1999/xlink"', 1)
    aspect = _svg_aspect(text)  # height / width
    width = SVG_RENDER_SIDE if aspect <= 1 else max(1, round(SVG_RENDER_SIDE / aspect))
    try:
        im = Image.open(io.BytesIO(bytes(resvg_py.svg_to_bytes(svg_string=text, width=width))))
        if im.size[0] * im.size[1] > 4 * SVG_RENDER_SIDE * SVG_RENDER_SIDE:
            raise LogoError("SVG 渲染尺寸异常")
        im.load()
    except (ValueError, OSError) as e:
        raise LogoError(f"SVG 无法渲染：{e}") from None
    return _on_white(im)
