"""The index folder: which segments make up the live index, switched atomically.

```
q.db.index/
  CURRENT              the live generation's manifest name (replaced by rename: atomic)
  gen-000007.json      tag, segments (each with its deletions file), field averages, totals
  gen-000007.df.npy    live document frequencies (text, any field) over the generation's terms
  seg-000003/          an immutable segment (:mod:`segments`)
    del-000007.npy     its passages deleted as of generation 7 (sorted numbers), if any
```

Everything a generation names is written and fsynced before ``CURRENT`` is replaced, so a crash
(``kill -9``, power loss) at any point leaves either the old generation or the new one live, never
a mix; files a crash left behind belong to no live generation and are removed by
:func:`collect_garbage`.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

CURRENT = "CURRENT"
GARBAGE_AGE = 60.0  # seconds: younger unreferenced files may be another process's work
_NUMBERED = re.compile(r"^(?:gen|seg)-(\d{6})")


@dataclass(frozen=True)
class SegmentRef:
    name: str  # the segment's folder
    deleted: str | None  # its deletions file, inside the folder


@dataclass(frozen=True)
class Generation:
    """One saved state of the index."""

    number: int
    tag: str
    segments: tuple[SegmentRef, ...]
    averages: tuple[float, ...]  # field lengths every segment is normalised by
    totals: tuple[int, ...]  # live passages' field lengths, summed (for drift)
    n_live: int
    max_rowid: int  # passages above it are not indexed yet

    @property
    def name(self) -> str:
        return f"gen-{self.number:06d}"

    def drift(self) -> float:
        """How far the live field averages have moved from :attr:`averages` (relative)."""
        if not self.n_live:
            return 0.0
        return max(
            abs(max(t / self.n_live, 1.0) - a) / a
            for t, a in zip(self.totals, self.averages, strict=True)
        )


def next_number(folder: Path) -> int:
    """A number no generation or segment in ``folder`` has used."""
    used = [int(m.group(1)) for p in folder.iterdir() if (m := _NUMBERED.match(p.name))]
    return max(used, default=0) + 1


def read_current(folder: Path) -> Generation | None:
    """The live generation, or None when there is none or it can't be read."""
    try:
        name = (folder / CURRENT).read_text(encoding="utf-8").strip()
        data: dict[str, Any] = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        return Generation(
            number=int(data["number"]),
            tag=str(data["tag"]),
            segments=tuple(SegmentRef(s["name"], s["deleted"]) for s in data["segments"]),
            averages=tuple(float(a) for a in data["averages"]),
            totals=tuple(int(t) for t in data["totals"]),
            n_live=int(data["n_live"]),
            max_rowid=int(data["max_rowid"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_df(folder: Path, generation: Generation) -> npt.NDArray[Any]:
    """The live document frequencies ``(2, terms)`` saved with a generation."""
    df: npt.NDArray[Any] = np.load(folder / f"{generation.name}.df.npy", mmap_mode="r")
    return df


def publish(folder: Path, generation: Generation, df: npt.NDArray[Any]) -> None:
    """Write a generation and make it the live one."""
    with open(folder / f"{generation.name}.df.npy", "wb") as handle:
        np.save(handle, np.ascontiguousarray(df, dtype=np.int32), allow_pickle=False)
        _sync(handle)
    data = asdict(generation)
    with open(folder / f"{generation.name}.json", "w", encoding="utf-8") as handle:
        json.dump(data, handle)
        _sync(handle)
    for ref in generation.segments:
        sync_folder(folder / ref.name)
    tmp = folder / f"{CURRENT}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(generation.name)
        _sync(handle)
    sync_folder(folder)  # the files it names are there before it is
    os.replace(tmp, folder / CURRENT)
    sync_folder(folder)


def save_deleted(folder: Path, number: int, positions: npt.NDArray[np.int64]) -> str:
    """Write a segment's deletions for generation ``number``; the file's name."""
    name = f"del-{number:06d}.npy"
    with open(folder / name, "wb") as handle:
        np.save(handle, positions.astype(np.int64), allow_pickle=False)
        _sync(handle)
    return name


def collect_garbage(folder: Path, now: float | None = None) -> None:
    """Remove what no live generation names: older generations, segments merged away, deletion
    files superseded, and the debris of builds a crash cut short."""
    live = read_current(folder)
    if live is None:
        return
    now = time.time() if now is None else now
    keep = {CURRENT, "LOCK", f"{live.name}.json", f"{live.name}.df.npy"}
    deletions = {ref.name: ref.deleted for ref in live.segments}
    for path in folder.iterdir():
        if path.name in keep:
            continue
        if path.name in deletions:
            for inner in path.glob("del-*.npy"):
                if inner.name != deletions[path.name] and _older(inner, now):
                    inner.unlink(missing_ok=True)
            continue
        try:
            if now - path.stat().st_mtime < GARBAGE_AGE:
                continue  # possibly a build still under way in another process
        except OSError:
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _older(path: Path, now: float) -> bool:
    try:
        return now - path.stat().st_mtime >= GARBAGE_AGE
    except OSError:
        return False


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the index folder's lock: one writer at a time across processes (the bot and
    ``quotebot index`` may reload the same database), and across threads (a background merge)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "LOCK", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _sync(handle: Any) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """fsync a directory, so the names of the files in it survive a power loss."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse to fsync a directory; the rename is still atomic
    finally:
        os.close(fd)
