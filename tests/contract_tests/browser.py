"""Headless Chromium for the HTML report's test: a screenshot and the page's DOM after rendering.

Chromium is Debian's `chromium` package (`.ci/run` installs it); `NUMBERS_CHROMIUM` names another
Chromium-based browser (the forge's workflow points it at the runner's Chrome). Locally a missing
browser skips the test with the reason; in CI (`CI=true`) it fails, so the report's rendering is
never untested there without anyone noticing.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from html.parser import HTMLParser
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


def render(page: Path, window: str = WINDOW) -> Rendered:
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

        screenshot = run(f"--screenshot={shot}", f"--window-size={window}")
        assert shot.exists(), f"no screenshot: {screenshot.stderr[-2000:]}"
        dom = run("--dump-dom")
        return Rendered(png=shot.read_bytes(), dom=dom.stdout)


# Appended to a copy of a page (never to the report itself, which has no script): writes the
# page's laid-out width where `--dump-dom` shows it.
_MEASURE = (
    "<script>document.body.setAttribute('data-measured-width', "
    "String(document.documentElement.scrollWidth));</script>"
)
_MEASURED = re.compile(r'data-measured-width="(\d+)"')


def laid_out_width(page: Path, width: int) -> int:
    """How wide `page` lays out in a window `width` pixels wide (more than `width`: it overflows,
    and the browser shows a horizontal scrollbar)."""
    browser = require_chromium()
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / page.name
        copy.write_text(
            page.read_text(encoding="utf-8").replace("</body>", _MEASURE + "</body>"),
            encoding="utf-8",
        )
        dom = subprocess.run(
            [
                str(browser),
                *FLAGS,
                f"--user-data-dir={tempfile.mkdtemp(dir=scratch)}",
                f"--window-size={width},900",
                "--dump-dom",
                copy.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=BROWSER_TIMEOUT_SECONDS,
            check=False,
        ).stdout
    found = _MEASURED.search(dom)
    assert found is not None, f"the page was not measured: {dom[-2000:]}"
    return int(found.group(1))


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


@dataclass
class Element:
    tag: str
    attributes: dict[str, str]
    text: str = ""


class _Collector(HTMLParser):
    """Every element with its attributes and the text directly inside it or its children."""

    VOID = frozenset({"meta", "link", "br", "img", "input", "col", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data


def elements(dom: str) -> list[Element]:
    """The elements of a dumped DOM, in document order."""
    collector = _Collector()
    collector.feed(dom)
    return collector.elements
