#!/usr/bin/env python3
"""Rewrites the command outputs shown in README.md and docs/*.md, so that the manual stays true.

A block in those files looks like this:

    <!-- output: kyodo tabulate 形態 --chart | head -12 -->
    ```
    …whatever kyodo prints…
    ```

The script runs each command with the built binary (.build/debug/kyodo, or --kyodo PATH) from the
repository root, standard error included when the command ends in `2>&1`, keeps the lines that an
optional `| head -N`, `| tail -N` or `| lines A-B` selects, and replaces the fenced block under the
marker. With --check it changes nothing and exits 1 when a file is out of date.

`swift test` checks the same blocks by the same rules (Tests/KyodoTests/DocumentationTests.swift);
this script is what rewrites them.
"""
import glob
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# A marker is a whole line; the block runs to the next line that starts with ```.
MARKER = re.compile(r"^<!-- output: ([^\n]*) -->\n```[^\n]*\n(?:[^\n]*\n)*?```", re.M)


def output(command, kyodo):
    pipeline = [part.strip() for part in command.split("|")]
    words = shlex.split(pipeline[0])
    with_stderr = words[-1] == "2>&1"
    if with_stderr:
        words = words[:-1]
    assert words[0] == "kyodo", command
    result = subprocess.run([kyodo] + words[1:], cwd=ROOT, capture_output=True, text=True)
    text = result.stdout + (result.stderr if with_stderr else "")
    lines = text.rstrip("\n").split("\n")
    for step in pipeline[1:]:
        name, argument = step.split()
        argument = argument.lstrip("-")
        if name == "head":
            lines = lines[: int(argument)]
        elif name == "tail":
            lines = lines[-int(argument):]
        elif name == "lines":
            first, last = (int(n) for n in argument.split("-"))
            lines = lines[first - 1 : last]
        else:
            raise SystemExit(f"unknown step {step!r} in {command!r}")
    return "\n".join(lines)


def main():
    kyodo = os.path.join(ROOT, ".build", "debug", "kyodo")
    if "--kyodo" in sys.argv:
        kyodo = sys.argv[sys.argv.index("--kyodo") + 1]
    paths = [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))
    stale = []
    for path in paths:
        with open(path, encoding="utf-8") as file:
            text = file.read()
        updated = MARKER.sub(
            lambda m: f"<!-- output: {m.group(1)} -->\n```\n{output(m.group(1), kyodo)}\n```", text)
        name = os.path.relpath(path, ROOT)
        if updated == text:
            continue
        stale.append(name)
        if "--check" not in sys.argv:
            with open(path, "w", encoding="utf-8") as file:
                file.write(updated)
            print(f"{name}: outputs rewritten")
    if "--check" in sys.argv:
        if stale:
            print(f"{', '.join(stale)} show outputs that kyodo no longer prints: run scripts/update-readme.py")
            return 1
        print("README.md and docs/*.md outputs are current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
