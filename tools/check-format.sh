#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CI stage: every tracked C++ file must already be formatted per .clang-format (clang-format-14,
# the Debian 12 one). Reports each file that is not and fails; changes nothing. To fix a file:
#   clang-format-14 -i path/to/file.cpp
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
clang_format="${CLANG_FORMAT:-clang-format-14}"
if ! command -v "$clang_format" >/dev/null; then
    echo "check-format: $clang_format not found (apt-get install clang-format-14)" >&2
    exit 2
fi

mapfile -d '' files < <(git ls-files -z -- '*.cpp' '*.h' '*.hpp' '*.cc')
# One clang-format call per batch of files; each unformatted file is named in its diagnostics.
mapfile -t bad < <(printf '%s\0' "${files[@]}" |
    xargs -0 -n 64 "$clang_format" --style=file --dry-run -Werror 2>&1 |
    sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)

if [ ${#bad[@]} -ne 0 ]; then
    printf 'check-format: %d of %d C++ files are not formatted per .clang-format:\n' \
        "${#bad[@]}" "${#files[@]}" >&2
    printf '  %s\n' "${bad[@]}" >&2
    echo "check-format: run '$clang_format -i FILE' on them (it changes layout only)." >&2
    exit 1
fi
printf 'check-format: all %d C++ files are formatted.\n' "${#files[@]}"
