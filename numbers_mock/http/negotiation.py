"""Choose JSON or XML from a request's Accept header."""

from __future__ import annotations

import math

__all__ = ["JSON_MEDIA_TYPE", "XML_MEDIA_TYPE", "wants_xml"]

JSON_MEDIA_TYPE = "application/json"
XML_MEDIA_TYPE = "text/xml"
_XML_TYPES = ("text/xml", "application/xml")


def wants_xml(accept: str | None) -> bool:
    """True when the client prefers `text/xml` or `application/xml` to `application/json`.

    JSON is the default: no Accept header, `*/*`, a tie, or an Accept header naming neither all
    give JSON (the mock answers rather than refusing with 406). A more specific range beats a
    wildcard of the same quality, so `text/xml, */*` gives XML.
    """
    if not accept:
        return False
    ranges = _parse(accept)
    xml = max(_score(ranges, media) for media in _XML_TYPES)
    return xml > _score(ranges, JSON_MEDIA_TYPE)


def _parse(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                quality = _quality(value)
        if media:
            ranges.append((media.lower(), quality))
    return ranges


def _quality(value: str) -> float:
    try:
        quality = float(value)
    except ValueError:
        return 0.0
    # "nan" and "inf" parse as floats; treat them like any other unreadable quality.
    return min(max(quality, 0.0), 1.0) if math.isfinite(quality) else 0.0


def _score(ranges: list[tuple[str, float]], media_type: str) -> tuple[float, int]:
    """(quality, specificity) of the most specific range matching `media_type`.

    A quality of 0 means refused, like no match at all.
    """
    main = media_type.split("/")[0]
    best = (0.0, -1)
    for media, quality in ranges:
        if media == media_type:
            specificity = 2
        elif media == f"{main}/*":
            specificity = 1
        elif media == "*/*":
            specificity = 0
        else:
            continue
        if specificity > best[1]:
            best = (quality, specificity)
    if best[0] <= 0.0:
        return (0.0, -1)
    return best
