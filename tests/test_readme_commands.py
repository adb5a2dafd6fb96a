"""Every command line a README shows in a console block is a real command, and each of its options
is one the command takes: checked against the command's own `--help`, the noxfile's sessions and
pyproject.toml's extras.

Each `--help` is run once for the whole module (a `HelpTexts` object caches it).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.nox_sessions import session_commands

ROOT = Path(__file__).resolve().parent.parent
READMES = sorted(
    {
        ROOT / "README.md",
        ROOT / "numbers_mock" / "README.md",
        ROOT / "numbers_proxy" / "README.md",
        ROOT / "spec_update" / "README.md",
        ROOT / "generated_client" / "README.md",
        ROOT / "contract_tests" / "README.md",
        *(ROOT / "docs").glob("*.md"),
    }
)

CONSOLE_BLOCK = re.compile(r"^```(?:console|shell|sh|bash)\n(.*?)^```", re.MULTILINE | re.DOTALL)
# A long option as a help text or a command line writes it (`--max-purchases`, `--format=json`).
LONG_OPTION = re.compile(r"(?<![\w-])--[A-Za-z][\w-]*")
ENV_ASSIGNMENT = re.compile(r"^[A-Za-z_]\w*=")
# Commands a README may show that this toolkit does not provide: nothing of theirs is checked.
OTHER_PROGRAMS = frozenset({"curl", "export"})
# The `python -m` modules whose first argument may name a subcommand, and their default one.
SUBCOMMANDS: dict[str, tuple[frozenset[str], str | None]] = {
    "spec_update": (frozenset({"diff", "rules", "update"}), "update"),
    "benchmarks": (frozenset({"detection", "speed", "spec", "oasdiff"}), None),
    "generator": (frozenset(), None),
}
# The console scripts the toolkit installs, each with the entry point it calls (`module:function`).
SCRIPTS: dict[str, str] = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]


def console_lines(text: str) -> Iterator[str]:
    """The command lines of every console block: continuation lines joined; in a block with
    `$ ` prompts only the prompted lines (the rest is output); comments kept."""
    for block in CONSOLE_BLOCK.findall(text):
        lines = [line for line in block.replace("\\\n", "").splitlines() if line.strip()]
        if any(line.startswith("$ ") for line in lines):
            lines = [line[2:] for line in lines if line.startswith("$ ")]
        yield from lines


def commands_of(line: str) -> Iterator[list[str]]:
    """The line's command as words, then any command a comment quotes in backticks
    (`# or, after `pip install '.[mock]'`: ...`)."""
    yield shlex.split(line, comments=True)
    _, hash_sign, comment = line.partition(" #")
    if hash_sign:
        for quoted in re.findall(r"`([^`]+)`", comment):
            words = shlex.split(quoted)
            if words and (words[0] in SCRIPTS or words[0] in {"nox", "pip", "python", "pytest"}):
                yield words


def options_in(words: list[str]) -> list[str]:
    """The long options among `words`, as written in a synopsis too (`[--format`, `--x=1`)."""
    found = []
    for word in words:
        bare = word.strip("[]()|").split("=", 1)[0]
        if LONG_OPTION.fullmatch(bare):
            found.append(bare)
    return found


def before_separator(words: list[str]) -> list[str]:
    return words[: words.index("--")] if "--" in words else words


def extras_of(pyproject: Path) -> set[str]:
    project = tomllib.loads(pyproject.read_text())["project"]
    return set(project.get("optional-dependencies", {}))


@dataclass
class HelpTexts:
    """The long options each command's `--help` lists, each asked once."""

    cache: dict[tuple[str, ...], set[str]] = field(default_factory=dict)

    def options(self, command: tuple[str, ...]) -> set[str]:
        if command not in self.cache:
            self.cache[command] = self._ask(command)
        return self.cache[command]

    def _ask(self, command: tuple[str, ...]) -> set[str]:
        if command[0] in SCRIPTS:
            # What the installed script does: call its entry point.
            module, _, function = SCRIPTS[command[0]].partition(":")
            argv = [sys.executable, "-c", f"import sys, {module}; sys.exit({module}.{function}())"]
        elif command[0] == "pytest":
            argv = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider"]
        else:  # ("python", "-m", module, [subcommand])
            argv = [sys.executable, *command[1:]]
        result = subprocess.run(
            [*argv, "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
        )
        assert result.returncode == 0, f"{' '.join(command)} --help: {result.stderr}"
        return set(LONG_OPTION.findall(result.stdout))


@dataclass
class CommandChecker:
    """What is wrong with a command line a README shows (nothing: an empty list)."""

    help: HelpTexts
    sessions: dict[str, tuple[str, ...] | None] = field(default_factory=session_commands)
    projects: dict[str, Path] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for folder in (ROOT, ROOT / "generated_client"):
            name = tomllib.loads((folder / "pyproject.toml").read_text())["project"]["name"]
            self.projects[name] = folder

    def problems_in(self, text: str) -> list[str]:
        problems = []
        for line in console_lines(text):
            for words in commands_of(line):
                problems += [f"{line!r}: {problem}" for problem in self.check(words)]
        return problems

    def check(self, words: list[str]) -> list[str]:
        while words and ENV_ASSIGNMENT.match(words[0]):
            words = words[1:]
        if not words or words[0] in OTHER_PROGRAMS:
            return []
        program = words[0]
        if program == "nox":
            return self._check_nox(words[1:])
        if program == "pip":
            return self._check_pip(words[1:])
        if program in SCRIPTS:
            # Options before a `--` are the command's own (numbers-contract passes the rest to
            # pytest).
            return self._unknown((program,), options_in(before_separator(words[1:])))
        if program == "pytest":
            return self._check_pytest(words[1:])
        if program == "python" and words[1:2] == ["-m"] and len(words) > 2:
            return self._check_module(words[2], words[3:])
        return [f"`{program}` is not a command of this toolkit (nor one the READMEs may show)"]

    def _unknown(self, command: tuple[str, ...], options: list[str]) -> list[str]:
        known = self.help.options(command)
        return [
            f"`{' '.join(command)}` has no option {option}"
            for option in options
            if option not in known
        ]

    def _check_nox(self, words: list[str]) -> list[str]:
        nox_words, separator, arguments = (
            (words[: words.index("--")], True, words[words.index("--") + 1 :])
            if "--" in words
            else (words, False, [])
        )
        if "-s" not in nox_words:
            return []  # `nox`, `nox -l`: every default session
        name = nox_words[nox_words.index("-s") + 1]
        if name not in self.sessions:
            return [f"nox has no session {name!r}"]
        command = self.sessions[name]
        if command is None:
            return [f"nox -s {name} takes no arguments"] if separator and arguments else []
        return self.check([*command, *arguments]) if arguments else []

    def _check_pytest(self, words: list[str]) -> list[str]:
        options = options_in(words)
        if words[:1] == ["contract_tests"]:
            # The harness's options, as numbers-contract lists them, or pytest's own.
            harness = self.help.options(("numbers-contract",))
            options = [option for option in options if option not in harness]
        return self._unknown(("pytest",), options) if options else []

    def _check_module(self, module: str, words: list[str]) -> list[str]:
        if module not in SUBCOMMANDS:
            return [f"`python -m {module}` is not a command of this toolkit"]
        subcommands, default = SUBCOMMANDS[module]
        command: tuple[str, ...] = ("python", "-m", module)
        if words and words[0] in subcommands:
            command, words = (*command, words[0]), words[1:]
        elif default is not None:
            command = (*command, default)
        elif subcommands:
            return [f"`python -m {module}` needs one of {sorted(subcommands)}"]
        return self._unknown(command, options_in(words))

    def _check_pip(self, words: list[str]) -> list[str]:
        if words[:1] != ["install"]:
            return [f"`pip {' '.join(words[:1])}` is not shown as an install line"]
        problems = []
        skip_next = False
        for word in words[1:]:
            if skip_next or word.startswith("-"):
                skip_next = word in ("-c", "-r", "--constraint", "--requirement")
                continue
            match = re.fullmatch(r"(?P<what>[^\[\]]+)(?:\[(?P<extras>[^\]]*)\])?", word)
            if match is None:
                problems.append(f"cannot read the requirement {word!r}")
                continue
            what, extras = match["what"], match["extras"]
            if what.startswith((".", "/")):
                folder = (ROOT / what).resolve()
                if not (folder / "pyproject.toml").is_file():
                    problems.append(f"{what} is not a project folder of this repository")
                    continue
            elif what in self.projects:
                folder = self.projects[what]
            else:
                continue  # a third-party requirement
            available = extras_of(folder / "pyproject.toml")
            for extra in (extras or "").split(","):
                if extra and extra not in available:
                    problems.append(f"{what} has no extra [{extra}] (it has {sorted(available)})")
        return problems


@pytest.fixture(scope="module")
def checker() -> CommandChecker:
    return CommandChecker(HelpTexts())


def readme_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("readme", READMES, ids=readme_id)
def test_every_command_line_of_the_readme_is_real(readme: Path, checker: CommandChecker) -> None:
    assert checker.problems_in(readme.read_text()) == []


def test_the_readmes_show_command_lines() -> None:
    shown = [line for readme in READMES for line in console_lines(readme.read_text())]
    assert any(line.startswith("nox -s contract") for line in shown)
    assert any("numbers-mock" in line for line in shown)
    assert any("python -m spec_update" in line for line in shown)
    assert any("pip install" in line for line in shown)


MADE_UP = """\
```console
numbers-mock --port 8000 --made-up-option
nox -s contract -- --target-url URL --no-such-flag
nox -s no-such-session
nox -s lint -- --fix
pip install '.[nonesuch]'
numbers-contract --target-url URL --bogus -- --lf --also-bogus-but-pytests
python -m spec_update diff A B --colour
python -m benchmarks speed --mode seeded
numbers-mok --port 1
```

```console
$ numbers-mock --port 8000
numbers-mock: error: --this-is-output-not-a-command
```

```shell
nox -s mock -- --tls --port 8443   # or `numbers-mock --tsl`
```
"""


def test_made_up_commands_and_options_are_caught(checker: CommandChecker) -> None:
    problems = "\n".join(checker.problems_in(MADE_UP))
    for expected in (
        "`numbers-mock` has no option --made-up-option",
        "`pytest` has no option --no-such-flag",
        "nox has no session 'no-such-session'",
        "nox -s lint takes no arguments",
        ". has no extra [nonesuch]",
        "`numbers-contract` has no option --bogus",
        "`python -m spec_update diff` has no option --colour",
        "`python -m benchmarks speed` has no option --mode",
        "`numbers-mok` is not a command",
        "`numbers-mock` has no option --tsl",
    ):
        assert expected in problems
    # What is right is not reported: real options, pytest's options after numbers-contract's
    # `--`, and a block's output lines.
    for right in ("--port", "--target-url", "--also-bogus-but-pytests", "--tls", "--lf"):
        assert f"has no option {right}" not in problems
    assert "--this-is-output-not-a-command" not in problems
    assert len(problems.splitlines()) == 10
