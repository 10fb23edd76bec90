#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds Trust Atlas and runs every test (unit, model, view offscreen, CLI end to end).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build="${TA_BUILD_DIR:-$top/build}"
"$top/tools/install-deps.sh"
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j"$(nproc)"
cd "$build"
# The offscreen platform serves widget tests; xvfb-run gives the few that need a real X server one.
xvfb-run -a ctest --output-on-failure -j"$(nproc)" --timeout 600
