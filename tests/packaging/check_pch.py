#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks, from a configured build's build.ninja, that every C++ source of the project compiles
with the shared precompiled header its target is meant to reuse (cmake/PrecompiledHeaders.cmake):

- a source that Qt Widgets' macro reaches takes a widgets header, any other a core one;
- a source that QtTest's macro reaches takes a test header, any other one without QtTest;
- no source is given QtTest's per-folder QT_TESTCASE_* macros, which would refuse the header.

Generated sources (moc's, rcc's) and targets that do not link Qt are left out: an executable's
empty mocs_compilation.cpp is built without a header on purpose. Exits 1 and lists each source
that breaks a rule.
"""

import argparse
import re
import sys
from pathlib import Path

HEADER = re.compile(r"-include \S*/CMakeFiles/(ta_pch_[a-z_]+)\.dir/cmake_pch\.hxx(?:\s|$)")


def compile_steps(ninja_text):
    """Yields (source, variables) for each C++ compile step."""
    step = None
    for line in ninja_text.splitlines():
        if line.startswith("build "):
            if step:
                yield step
            step = None
            head, _, rest = line[len("build "):].partition(": ")
            parts = rest.split()
            if parts and parts[0].startswith("CXX_COMPILER__") and head.endswith(".o"):
                step = (parts[1], {})
        elif step and line.startswith("  ") and " = " in line:
            name, _, value = line.strip().partition(" = ")
            step[1][name] = value
        elif step and not line.startswith("  "):
            yield step
            step = None
    if step:
        yield step


def expected_header(defines):
    """The donor whose header a source with these -D flags is meant to take."""
    macros = defines.split()
    widgets = "-DQT_WIDGETS_LIB" in macros
    test = "-DQT_TESTLIB_LIB" in macros
    if widgets and test:
        return "ta_pch_widgets_test"
    if widgets:
        return "ta_pch_widgets"
    if test:
        return "ta_pch_test"
    return "ta_pch_core"


def check(build, source_root):
    problems = []
    checked = 0
    text = (build / "build.ninja").read_text(encoding="utf-8")
    for source, variables in compile_steps(text):
        path = Path(source)
        if not path.is_absolute():
            path = (build / path)
        path = path.resolve()
        if build in path.parents or source_root not in path.parents:
            continue  # generated, or not the project's
        if path == source_root / "cmake" / "pch.cpp":
            continue  # a donor's own source
        defines = variables.get("DEFINES", "")
        if "-DQT_CORE_LIB" not in defines.split():
            continue  # a target that does not link Qt (OpenSslRuntime.cpp) takes no header
        checked += 1
        flags = variables.get("FLAGS", "")
        if "QT_TESTCASE_" in defines:
            problems.append(f"{source}: QtTest's per-folder QT_TESTCASE_* macros are defined")
        found = HEADER.search(flags)
        want = expected_header(defines)
        if not found:
            problems.append(f"{source}: no shared precompiled header (wanted {want})")
        elif found.group(1) != want:
            problems.append(f"{source}: takes {found.group(1)}, its macros ask for {want}")
    return checked, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, type=Path)
    parser.add_argument("--source", required=True, type=Path)
    args = parser.parse_args()
    checked, problems = check(args.build.resolve(), args.source.resolve())
    for problem in problems:
        print(problem)
    if checked == 0:
        print("no project source found in build.ninja")
        return 1
    print(f"{checked} sources checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
