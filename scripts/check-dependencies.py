#!/usr/bin/env python3
"""Checks every crate in Cargo.lock the way `cargo deny check licenses sources` would (issue 17).

- sources: every dependency comes from crates.io, at the version the lock file names; none
  from a git repository or a folder outside this one.
- licences: every crate's licence expression is satisfied by the licences below, which let
  ropa be used, changed and shared by a council without conditions on its own code. MPL-2.0
  is file-level copyleft: the files of those crates stay under it, ropa's do not.

cargo deny's third check, security advisories, needs the RustSec database, which is on
GitHub; this machine's network reaches only crates.io, PyPI, Debian and npm, so that part is
not done here.

    scripts/check-dependencies.py
"""

import json
import re
import subprocess
import sys

ALLOWED = {
    "MIT",
    "MIT-0",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "BSL-1.0",
    "CC0-1.0",
    "ISC",
    "MPL-2.0",
    "Unicode-3.0",
    "Unlicense",
    "Zlib",
}
CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index"


def satisfied(expression: str) -> bool:
    """True when an SPDX expression (AND, OR, WITH, brackets; `/` is an old OR) is met."""
    tokens = re.findall(r"\(|\)|[^\s()]+", expression.replace("/", " OR "))
    position = 0

    def peek():
        return tokens[position] if position < len(tokens) else None

    def take():
        nonlocal position
        position += 1
        return tokens[position - 1]

    def joined(operator, part, combine):
        met = part()
        while peek() == operator:
            take()
            met = combine(part(), met)
        return met

    def either():
        return joined("OR", both, lambda a, b: a or b)

    def both():
        return joined("AND", one, lambda a, b: a and b)

    def one():
        token = take()
        if token == "(":
            met = either()
            if take() != ")":
                raise ValueError(f"unbalanced brackets in {expression!r}")
            return met
        if peek() == "WITH":
            take()
            take()  # an exception only adds permissions
        return token in ALLOWED

    met = either()
    if position != len(tokens):
        raise ValueError(f"cannot read the licence expression {expression!r}")
    return met


# Expressions with a known answer, checked before every run so a mistake in the reader above
# cannot let a licence through unnoticed.
KNOWN = [
    ("MIT", True),
    ("MIT/Apache-2.0", True),
    ("Apache-2.0 WITH LLVM-exception OR MIT", True),
    ("(MIT OR Apache-2.0) AND Unicode-3.0", True),
    ("GPL-3.0-only", False),
    ("MIT OR GPL-3.0-only", True),
    ("(MIT OR Apache-2.0) AND GPL-2.0-only", False),
    ("LGPL-2.1-or-later", False),
]


def main() -> int:
    wrong = [e for e, expected in KNOWN if satisfied(e) != expected]
    if wrong:
        print(f"error: the licence reader gets these wrong: {wrong}", file=sys.stderr)
        return 2
    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--locked", "--format-version", "1"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    ours = set(metadata["workspace_members"])
    problems = []
    for package in metadata["packages"]:
        if package["id"] in ours:
            continue
        name = f"{package['name']} {package['version']}"
        if package.get("source") != CRATES_IO:
            problems.append(f"{name} does not come from crates.io ({package.get('source')})")
        licence = package.get("license")
        if not licence:
            problems.append(f"{name} states no licence")
        elif not satisfied(licence):
            problems.append(f"{name} is licensed {licence}, which the allowed licences do not meet")
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        print(
            "  help: choose another crate, or, if its licence is acceptable, add it to ALLOWED "
            "in scripts/check-dependencies.py with the reason in the commit",
            file=sys.stderr,
        )
        return 1
    count = len(metadata["packages"]) - len(ours)
    print(f"ok: {count} crates, all from crates.io, all under allowed licences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
