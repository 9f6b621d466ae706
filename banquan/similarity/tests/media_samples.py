"""Generated audio and video for the tests (numpy + PyAV): short pieces of synthetic music
and animated pictures, different for each seed, encoded to real container formats."""

import io

import av
import numpy as np

RATE = 22050


def melody(seed: int, seconds: float = 20.0, rate: int = RATE) -> np.ndarray:
    """Mono float32 samples in [-1, 1]: random notes of a pentatonic scale with harmonics,
    a bass line and clicks, so that Chromaprint sees a varied spectrum."""
    rng = np.random.default_rng(seed)
    out = np.zeros(int(seconds * rate), dtype=np.float64)
    scale = np.array([0, 2, 4, 7, 9, 12, 14, 16, 19, 21])
    t0 = 0.0
    while t0 < seconds:
        length = float(rng.choice([0.15, 0.25, 0.35, 0.5]))
        start, stop = int(t0 * rate), min(len(out), int((t0 + length) * rate))
        t = np.arange(stop - start) / rate
        env = np.exp(-t * float(rng.uniform(3, 9)))
        for semitone in rng.choice(scale, size=int(rng.integers(1, 4)), replace=False):
            f = 220.0 * 2 ** ((semitone + 12 * int(rng.integers(0, 2))) / 12)
            for h, amp in ((1, 1.0), (2, 0.5), (3, 0.3), (5, 0.15)):
                out[start:stop] += 0.12 * amp * env * np.sin(2 * np.pi * f * h * t)
        bass = 55.0 * 2 ** (float(rng.choice(scale[:5])) / 12)
        out[start:stop] += 0.2 * np.sin(2 * np.pi * bass * t)
        if rng.random() < 0.4:
            click = min(stop - start, int(0.03 * rate))
            out[start:start + click] += 0.3 * rng.standard_normal(click) * np.linspace(1, 0, click)
        t0 += length
    return (out / max(1e-9, np.abs(out).max()) * 0.8).astype(np.float32)


def encode_audio(samples: np.ndarray, fmt: str, codec: str, *, rate: int = RATE,
                 bit_rate: int | None = None) -> bytes:
    """Mono samples encoded with PyAV, e.g. ("wav", "pcm_s16le"), ("mp3", "libmp3lame"),
    ("ogg", "libopus")."""
    buf = io.BytesIO()
    with av.open(buf, mode="w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate if codec != "libopus" else 48000)
        stream.layout = "mono"  # type: ignore[union-attr]
        if bit_rate:
            stream.bit_rate = bit_rate
        pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16)
        step = 1024
        resampler = av.AudioResampler(format=stream.format, layout="mono", rate=stream.rate)  # type: ignore[union-attr]
        for start in range(0, len(pcm), step):
            frame = av.AudioFrame.from_ndarray(pcm[None, start:start + step], format="s16", layout="mono")
            frame.sample_rate = rate
            for resampled in resampler.resample(frame):
                out.mux(stream.encode(resampled))
        for resampled in resampler.resample(None):
            out.mux(stream.encode(resampled))
        out.mux(stream.encode(None))
    return buf.getvalue()


def wav(samples: np.ndarray, rate: int = RATE) -> bytes:
    return encode_audio(samples, "wav", "pcm_s16le", rate=rate)


def scenes(seed: int, seconds: float = 10.0, size: tuple[int, int] = (320, 240), fps: int = 10) -> list[np.ndarray]:
    """RGB frames: a new random composition of rectangles and discs every 1.5 s, with a
    shape drifting across it, so that one-a-second frames differ."""
    rng = np.random.default_rng(seed)
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w]
    frames = []
    scene: np.ndarray | None = None
    for n in range(int(seconds * fps)):
        if n % int(1.5 * fps) == 0:
            scene = np.empty((h, w, 3), dtype=np.uint8)
            scene[:] = rng.integers(0, 256, size=3)
            for _ in range(8):
                color = rng.integers(0, 256, size=3)
                x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
                if rng.random() < 0.5:
                    scene[y0:y0 + int(rng.integers(20, h)), x0:x0 + int(rng.integers(20, w))] = color
                else:
                    r = int(rng.integers(10, h // 2))
                    scene[(xx - x0) ** 2 + (yy - y0) ** 2 < r * r] = color
        assert scene is not None
        frame = scene.copy()
        cx = int((n * 7) % w)
        frame[(xx - cx) ** 2 + (yy - h // 2) ** 2 < 15 ** 2] = (255, 255, 255)
        frames.append(frame)
    return frames


def encode_video(frames: list[np.ndarray], fmt: str = "mp4", codec: str = "libx264", *, fps: int = 10,
                 size: tuple[int, int] | None = None, crf: int = 23, audio: np.ndarray | None = None) -> bytes:
    """Frames encoded with PyAV (resized to ``size`` when given), optionally with a mono
    soundtrack."""
    buf = io.BytesIO()
    h, w = frames[0].shape[:2]
    width, height = size or (w, h)
    with av.open(buf, mode="w", format=fmt) as out:
        stream = out.add_stream(codec, rate=fps)
        stream.width, stream.height = width, height  # type: ignore[union-attr]
        stream.pix_fmt = "yuv420p"  # type: ignore[union-attr]
        if codec == "libx264":
            stream.options = {"crf": str(crf), "preset": "ultrafast"}
        sound = None
        if audio is not None:
            sound = out.add_stream("aac", rate=RATE)
            sound.layout = "mono"  # type: ignore[union-attr]
        for image in frames:
            frame = av.VideoFrame.from_ndarray(image, format="rgb24").reformat(width=width, height=height)
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
        if sound is not None and audio is not None:
            resampler = av.AudioResampler(format=sound.format, layout="mono", rate=RATE)  # type: ignore[union-attr]
            pcm = (np.clip(audio, -1, 1) * 32767).astype(np.int16)
            for start in range(0, len(pcm), 1024):
                frame_a = av.AudioFrame.from_ndarray(pcm[None, start:start + 1024], format="s16", layout="mono")
                frame_a.sample_rate = RATE
                for resampled in resampler.resample(frame_a):
                    out.mux(sound.encode(resampled))
            out.mux(sound.encode(None))
    return buf.getvalue()
