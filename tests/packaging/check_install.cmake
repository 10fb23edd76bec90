# SPDX-License-Identifier: Apache-2.0
# Installs the build into a scratch prefix, as a packager would, and checks what a desktop needs
# is there: both executables, the desktop file, the AppStream metainfo, the icon and the
# workspace's MIME type, which must be the one the desktop file declares.
# Run as: cmake -DBUILD_DIR=... -DPREFIX=... -P check_install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
    RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()

set(expected
    bin/trustatlas
    bin/trustatlas-cli
    share/applications/org.trustatlas.TrustAtlas.desktop
    share/metainfo/org.trustatlas.TrustAtlas.metainfo.xml
    share/icons/hicolor/scalable/apps/org.trustatlas.TrustAtlas.svg
    share/mime/packages/org.trustatlas.TrustAtlas.xml)
foreach(f IN LISTS expected)
    if(NOT EXISTS "${PREFIX}/${f}")
        message(FATAL_ERROR "not installed: ${f}")
    endif()
endforeach()
foreach(exe trustatlas trustatlas-cli)
    execute_process(COMMAND test -x "${PREFIX}/bin/${exe}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "not executable: bin/${exe}")
    endif()
endforeach()

file(READ "${PREFIX}/share/applications/org.trustatlas.TrustAtlas.desktop" desktop)
file(READ "${PREFIX}/share/mime/packages/org.trustatlas.TrustAtlas.xml" mime)
string(REGEX MATCH "MimeType=([^;\n]+)" _ "${desktop}")
set(declared "${CMAKE_MATCH_1}")
if(declared STREQUAL "" OR NOT mime MATCHES "type=\"${declared}\"")
    message(FATAL_ERROR "the desktop file declares '${declared}', which the MIME package does not define")
endif()
if(NOT mime MATCHES "<glob pattern=\"\\*\\.atlas\"/>")
    message(FATAL_ERROR "the MIME package does not claim *.atlas")
endif()
message(STATUS "installed layout complete")
