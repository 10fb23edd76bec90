#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds Trust Atlas and starts it; with no file given it opens the bundled demo workspace.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build="${TA_BUILD_DIR:-$top/build}"
"$top/tools/install-deps.sh"
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j"$(nproc)" --target trustatlas
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display: starting under Xvfb." >&2
    exec xvfb-run -a "$build/app/gui/trustatlas" "$@"
fi
exec "$build/app/gui/trustatlas" "$@"
