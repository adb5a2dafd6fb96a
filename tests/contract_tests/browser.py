"""Headless Chromium for the HTML report's test: a screenshot and the page's DOM after rendering.

Chromium is Debian's `chromium` package (`.ci/run` installs it); `NUMBERS_CHROMIUM` names another
Chromium-based browser (the forge's workflow points it at the runner's Chrome). Locally a missing
browser skips the test with the reason; in CI (`CI=true`) it fails, so the report's rendering is
never untested there without anyone noticing.
"""

from __future__ import annotations

import os
import struct
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("NUMBERS_CHROMIUM", "/usr/bin/chromium"))
BROWSER_TIMEOUT_SECONDS = 60
WINDOW = "1200,1600"
# Every flag that keeps a headless run from reaching the network or a user profile.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def require_chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    message = f"{CHROMIUM} is missing (Debian package `chromium`; .ci/run installs it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI: {message}")
    pytest.skip(message)


@dataclass(frozen=True)
class Rendered:
    png: bytes
    dom: str


def render(page: Path) -> Rendered:
    """Screenshot `page` and dump its DOM, each in a fresh profile."""
    browser = require_chromium()
    with tempfile.TemporaryDirectory() as scratch:
        shot = Path(scratch) / "shot.png"

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            profile = tempfile.mkdtemp(dir=scratch)
            return subprocess.run(
                [str(browser), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                capture_output=True,
                text=True,
                timeout=BROWSER_TIMEOUT_SECONDS,
                check=False,
            )

        screenshot = run(f"--screenshot={shot}", f"--window-size={WINDOW}")
        assert shot.exists(), f"no screenshot: {screenshot.stderr[-2000:]}"
        dom = run("--dump-dom")
        return Rendered(png=shot.read_bytes(), dom=dom.stdout)


def png_colours(png: bytes, most: int = 64) -> set[bytes]:
    """Distinct pixel values of an 8-bit RGB or RGBA PNG (stops counting at `most`)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        data = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = data
        elif kind == b"IDAT":
            chunks.append(data)
        position += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour_type in (2, 6), f"unexpected PNG format {depth}/{colour_type}"
    channels = 3 if colour_type == 2 else 4
    stride = width * channels
    raw = zlib.decompress(b"".join(chunks))
    previous = bytearray(stride)
    colours: set[bytes] = set()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                nearest = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + nearest) & 0xFF
        previous = line
        # Every 7th row is plenty to tell a page from a blank one, and keeps this fast.
        if row % 7 == 0:
            colours |= {bytes(line[i : i + channels]) for i in range(0, stride, channels)}
            if len(colours) >= most:
                break
    return colours
