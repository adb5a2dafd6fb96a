"""Output paths checked before anything is written, and writes that put everything back on failure.

An update writes a dozen files and replaces generated_client/; if any step fails half-way, the
working tree must be as it was. So every path is checked first (an existing file must be writable;
a new file's folder must exist and be writable), and the writes happen inside `kept`, which saves
the files and the folder and restores them when the block raises.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from spec_update.errors import UpdateError


class OutputPathError(UpdateError):
    """A path the update or its report would write cannot be written."""


def check_output_path(path: Path, shown: str | None = None) -> None:
    """OutputPathError, in one line, unless `path` can be written (created or replaced)."""
    name = shown or str(path)
    if path.is_dir():
        raise OutputPathError(f"{name}: is a folder, not a file")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise OutputPathError(f"{name}: cannot be written (no permission)")
        return
    folder = path.parent
    if not folder.is_dir():
        raise OutputPathError(f"{name}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise OutputPathError(f"{name}: the folder {folder} cannot be written (no permission)")


@contextmanager
def kept(files: Iterable[Path], folder: Path) -> Iterator[None]:
    """Run the block; if it raises, put `files` and `folder` back exactly as they were."""
    saved = {path: path.read_bytes() if path.exists() else None for path in files}
    with tempfile.TemporaryDirectory(prefix="spec-update-backup-") as scratch:
        backup = Path(scratch) / folder.name
        if folder.exists():
            shutil.copytree(folder, backup, symlinks=True)
        try:
            yield
        except BaseException:
            for path, content in saved.items():
                if content is None:
                    path.unlink(missing_ok=True)
                else:
                    path.write_bytes(content)
            if folder.exists():
                shutil.rmtree(folder)
            if backup.exists():
                shutil.copytree(backup, folder, symlinks=True)
            raise
