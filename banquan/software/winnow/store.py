"""The index in one file: an uncompressed ``.npz`` (numpy arrays, no pickle), written to a
temporary file beside the target, fsynced and renamed over it, so a reader or a crash sees the old
file or the new one, never half of one. Programs added since the last save are lost with the
process; the caller re-adds them from the database (the fingerprints are kept per registration).
"""

import json
import os
import tempfile
from pathlib import Path

import numpy as np

from banquan.software.winnow.index import FingerprintIndex

FORMAT = "banquan-winnow-index/1"


def save_index(index: FingerprintIndex, path: str | os.PathLike[str]) -> None:
    index.compact()
    target = Path(path)
    meta = {"format": FORMAT, "max_df": index.max_df, "sample": index.sample}
    descriptor, temporary = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as out:
            np.savez(out, meta=np.array(json.dumps(meta)), ids=np.array(index.ids, dtype=str),
                     owners=np.array(index.owners, dtype=str), sizes=index.sizes(),
                     keys=index.keys, programs=index.programs, common=index.common)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)  # the rename itself must survive a power cut
    finally:
        os.close(folder)


def load_index(path: str | os.PathLike[str]) -> FingerprintIndex:
    with np.load(path, allow_pickle=False) as saved:
        meta = json.loads(str(saved["meta"]))
        if meta.get("format") != FORMAT:
            raise ValueError(f"{path}: not a winnow index ({meta.get('format')!r})")
        index = FingerprintIndex(max_df=meta["max_df"], sample=meta["sample"])
        index.ids = [str(i) for i in saved["ids"]]
        index.owners = [str(o) for o in saved["owners"]]
        index._position = {program_id: i for i, program_id in enumerate(index.ids)}
        for number, owner in enumerate(index.owners):
            index._by_owner.setdefault(owner, []).append(number)
        index._sizes = saved["sizes"].tolist()
        index.keys, index.programs, index.common = saved["keys"], saved["programs"], saved["common"]
    return index
