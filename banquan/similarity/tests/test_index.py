import threading
from pathlib import Path

import numpy as np
import pytest

from banquan.similarity import index as index_module
from banquan.similarity.fingerprints import distance
from banquan.similarity.index import CodeIndex, open_index, rebuild


def random_codes(n: int, seed: int = 0) -> list[bytes]:
    raw = np.random.default_rng(seed).integers(0, 256, size=(n, 32), dtype=np.uint8)
    return [row.tobytes() for row in raw]


def flip(code: bytes, bits: int, seed: int = 1) -> bytes:
    """The code with `bits` distinct bits flipped."""
    value = int.from_bytes(code, "big")
    for bit in np.random.default_rng(seed).choice(256, size=bits, replace=False):
        value ^= 1 << int(bit)
    return value.to_bytes(32, "big")


@pytest.fixture
def filled(tmp_path: Path) -> tuple[CodeIndex, list[bytes]]:
    codes = random_codes(10_000)
    index = CodeIndex(tmp_path / "image.faiss")
    index.add(list(range(1, 10_001)), codes)
    return index, codes


def test_finds_the_planted_near_neighbour(filled):
    index, codes = filled
    assert len(index) == 10_000
    planted = flip(codes[1234], 20)
    found = index.search(planted, k=5)
    assert found[0] == (1235, 20)
    # random 256-bit codes are ~128 bits apart, so nothing else lies within 64
    assert len(found) == 1
    assert index.search(codes[41], k=3, max_distance=0) == [(42, 0)]


def test_results_are_nearest_first_and_within_max_distance(filled):
    index, codes = filled
    query = codes[0]
    index.add([20_001, 20_002, 20_003], [flip(query, 30, 2), flip(query, 5, 3), flip(query, 50, 4)])
    assert index.search(query, k=10) == [(1, 0), (20_002, 5), (20_001, 30), (20_003, 50)]
    assert index.search(query, k=10, max_distance=30) == [(1, 0), (20_002, 5), (20_001, 30)]
    assert index.search(query, k=2) == [(1, 0), (20_002, 5)]
    # the search is exact: compare with brute force over everything
    everything = dict(enumerate(codes, start=1))
    nearest = sorted(distance(query, c) for c in everything.values())[:2]
    assert nearest[0] == 0 and nearest[1] > 64


def test_empty_index_and_bad_codes(tmp_path: Path):
    index = CodeIndex(tmp_path / "none.faiss")
    assert len(index) == 0
    assert index.search(bytes(32)) == []
    with pytest.raises(ValueError):
        index.add([1], [bytes(16)])
    with pytest.raises(ValueError):
        index.add([1, 2], [bytes(32)])


def test_add_replaces_and_remove_removes(filled):
    index, codes = filled
    index.add([7], [b"\x55" * 32])
    assert len(index) == 10_000
    assert index.search(codes[6], max_distance=10) == []
    assert index.search(b"\x55" * 32, k=1) == [(7, 0)]
    index.add([8, 8], [b"\x01" * 32, b"\x02" * 32])  # the last code of a repeated id wins
    assert index.search(b"\x02" * 32, k=1) == [(8, 0)] and len(index) == 10_000
    index.remove([7, 9, 99_999])
    assert len(index) == 9_998
    assert index.search(b"\x55" * 32, max_distance=10) == []
    assert index.search(codes[8], max_distance=10) == []
    assert index.search(codes[9], k=1) == [(10, 0)]


def test_survives_save_and_reload(filled, tmp_path: Path):
    index, codes = filled
    index.remove([1])
    index.save()
    again = CodeIndex(tmp_path / "image.faiss")
    assert len(again) == 9_999
    assert again.search(codes[500], k=1) == [(501, 0)]
    assert again.search(codes[0], max_distance=10) == []
    assert [p.name for p in tmp_path.iterdir()] == ["image.faiss"]  # no temporary file left


class FailingWrite(CodeIndex):
    """Dies half-way through writing, as a full disk or a killed process would."""

    def _write(self, filename: str) -> None:
        with open(filename, "wb") as out:
            out.write(b"IBxM half an index")
        raise OSError("No space left on device")


def test_a_failed_save_keeps_the_old_file(filled, tmp_path: Path):
    index, codes = filled
    index.save()
    before = (tmp_path / "image.faiss").read_bytes()
    failing = FailingWrite(tmp_path / "image.faiss")
    failing.add([50_000], [b"\x33" * 32])
    with pytest.raises(OSError, match="No space"):
        failing.compact()
    assert [p.name for p in tmp_path.iterdir()] == ["image.faiss"]
    assert (tmp_path / "image.faiss").read_bytes() == before
    assert len(CodeIndex(tmp_path / "image.faiss")) == 10_000


def test_a_stray_temporary_file_does_not_matter(filled, tmp_path: Path):
    index, codes = filled
    index.save()
    (tmp_path / ".image.faiss.abc123.tmp").write_bytes(b"garbage from a crash")
    again = CodeIndex(tmp_path / "image.faiss")
    assert again.search(codes[3], k=1) == [(4, 0)]
    again.add([1], [b"\x44" * 32])
    again.save()
    assert CodeIndex(tmp_path / "image.faiss").search(b"\x44" * 32, k=1) == [(1, 0)]


def test_concurrent_threads(tmp_path: Path):
    index = CodeIndex(tmp_path / "text.faiss")
    codes = random_codes(4_000, seed=5)
    errors: list[BaseException] = []

    def work(part: int) -> None:
        try:
            for i in range(part * 1000, part * 1000 + 1000, 50):
                index.add(list(range(i, i + 50)), codes[i:i + 50])
                index.search(codes[i], k=3)
                if i % 500 == 0:
                    index.save()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(p,)) for p in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(index) == 4_000
    index.save()
    again = CodeIndex(tmp_path / "text.faiss")
    assert all(again.search(codes[i], k=1) == [(i, 0)] for i in range(0, 4_000, 97))


def test_open_index_and_rebuild(settings, tmp_path: Path):
    settings.DATA_DIR = tmp_path
    index_module._cache.clear()
    try:
        image = open_index("image")
        assert image is open_index("image") and len(image) == 0
        assert image.path == tmp_path / "similarity" / "image.faiss"
        with pytest.raises(ValueError):
            open_index("audio")

        codes = random_codes(25_000, seed=9)
        calls: list[tuple[int, int]] = []
        built = rebuild("image", enumerate(codes), total=25_000, progress=lambda d, t: calls.append((d, t)))
        assert calls == [(10_000, 25_000), (20_000, 25_000), (25_000, 25_000)]
        assert open_index("image") is built and len(built) == 25_000
        assert built.search(codes[24_999], k=1) == [(24_999, 0)]
        assert len(CodeIndex(tmp_path / "similarity" / "image.faiss")) == 25_000

        # another process saving the file: the cached index reloads it
        other = CodeIndex(tmp_path / "similarity" / "image.faiss")
        other.remove([0])
        other.save()
        assert len(open_index("image")) == 24_999

        empty = rebuild("text", [])
        assert len(empty) == 0 and (tmp_path / "similarity" / "text.faiss").exists()
    finally:
        index_module._cache.clear()


def test_updates_from_two_processes_are_not_lost(tmp_path: Path):
    # two instances on one file stand for two processes, each with its own copy in memory
    first, second = CodeIndex(tmp_path / "image.faiss"), CodeIndex(tmp_path / "image.faiss")
    with first.update():
        first.add([1], [b"\x01" * 32])
    with second.update():  # starts from the file the first one saved
        second.add([2], [b"\x02" * 32])
    with first.update():
        first.add([3], [b"\x03" * 32])
    final = CodeIndex(tmp_path / "image.faiss")
    assert sorted(i for c in (b"\x01", b"\x02", b"\x03") for i, _ in final.search(c * 32, k=1, max_distance=0)) \
        == [1, 2, 3]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["image.faiss", "image.faiss.lock", "image.faiss.log"]


def test_small_saves_append_to_the_journal_and_big_ones_compact(filled, tmp_path: Path):
    index, codes = filled
    index.save()
    snapshot = (tmp_path / "image.faiss").read_bytes()
    index.add([1], [b"\x11" * 32])
    index.remove([2])
    index.save()
    assert (tmp_path / "image.faiss").read_bytes() == snapshot  # 800 MB at 2×10^7 codes: not rewritten
    assert (tmp_path / "image.faiss.log").stat().st_size == 2 * 45
    again = CodeIndex(tmp_path / "image.faiss")
    assert again.search(b"\x11" * 32, k=1) == [(1, 0)] and len(again) == 9_999
    assert again.search(codes[1], max_distance=10) == []

    index.compact_at = 45 * 100
    index.add(list(range(50_000, 50_200)), random_codes(200, seed=3))
    index.save()
    assert not (tmp_path / "image.faiss.log").exists()
    assert (tmp_path / "image.faiss").read_bytes() != snapshot
    assert len(CodeIndex(tmp_path / "image.faiss")) == 10_199


def test_a_torn_journal_record_is_ignored_then_overwritten(filled, tmp_path: Path):
    index, codes = filled
    index.save()
    index.add([1], [b"\x11" * 32])
    index.save()
    with open(tmp_path / "image.faiss.log", "ab") as log:
        log.write(b"A\x02\x00\x00")  # a crash in the middle of the next record
    again = CodeIndex(tmp_path / "image.faiss")
    assert again.search(b"\x11" * 32, k=1) == [(1, 0)] and len(again) == 10_000
    again.add([2], [b"\x22" * 32])
    again.save()
    assert (tmp_path / "image.faiss.log").stat().st_size == 2 * 45
    last = CodeIndex(tmp_path / "image.faiss")
    assert last.search(b"\x22" * 32, k=1) == [(2, 0)] and last.search(b"\x11" * 32, k=1) == [(1, 0)]
    # a damaged record stops the replay there
    log = bytearray((tmp_path / "image.faiss.log").read_bytes())
    log[45 + 20] ^= 0xFF
    (tmp_path / "image.faiss.log").write_bytes(bytes(log))
    damaged = CodeIndex(tmp_path / "image.faiss")
    assert damaged.search(b"\x11" * 32, k=1) == [(1, 0)] and damaged.search(codes[1], k=1) == [(2, 0)]


def test_reload_reads_only_the_new_journal_records(filled, tmp_path: Path):
    index, codes = filled
    index.save()
    reader = CodeIndex(tmp_path / "image.faiss")
    index.add([10_001], [b"\x77" * 32])
    index.save()
    assert reader.changed_on_disk()
    reader.reload()
    assert reader.search(b"\x77" * 32, k=1) == [(10_001, 0)] and len(reader) == 10_001
    assert not reader.changed_on_disk()
