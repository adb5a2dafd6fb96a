"""A small corpus laid out like oasdiff's, and labels for it, for the tests of
benchmarks.oasdiff_corpus and benchmarks.oasdiff (the real corpus stays in an oasdiff checkout)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from benchmarks.oasdiff_corpus import LabelledPair

TODAY = date(2026, 1, 1)


def document(
    operation_id: str = "listThings", *, extra_path: bool = True, pattern: str = "^[a-z]+$"
) -> dict[str, Any]:
    search = {"name": "q", "in": "query", "schema": {"type": "string", "pattern": pattern}}
    paths: dict[str, Any] = {
        "/things": {
            "get": {
                "operationId": operation_id,
                "parameters": [search],
                "responses": {"200": {"description": "the things"}},
            }
        }
    }
    if extra_path:
        paths["/other"] = {
            "get": {"operationId": "other", "responses": {"200": {"description": "ok"}}}
        }
    return {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths}


def make_corpus(tmp_path: Path) -> Path:
    data = tmp_path / "data" / "checker"
    data.mkdir(parents=True)
    documents = {
        "base.yaml": document(),
        "removed.yaml": document(extra_path=False),
        "renamed.yaml": document("fetchThings"),
        "described.yaml": {**document(), "info": {"title": "t", "version": "2"}},
        "pattern.yaml": document(pattern="^[0-9]+$"),
    }
    for name, content in documents.items():
        (data / name).write_text(yaml.safe_dump(content), encoding="utf-8")
    return tmp_path


def pair(revision: str, verdict: str, **more: str) -> LabelledPair:
    return LabelledPair(
        example=f"{revision} {verdict}",
        base="data/checker/base.yaml",
        revision=f"data/checker/{revision}",
        verdict=verdict,
        **more,
    )


def write_labels(path: Path, *pairs: LabelledPair) -> Path:
    path.write_text(json.dumps({"pairs": [p.__dict__ for p in pairs]}), encoding="utf-8")
    return path
