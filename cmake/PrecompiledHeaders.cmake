# SPDX-License-Identifier: Apache-2.0
# Precompiled headers for a GCC build (README, "Precompiled headers"): parsing the Qt and standard
# headers that nearly every source includes was about a third of a cold build's CPU.
#
# Four headers are precompiled once per build and every target reuses one (REUSE_FROM): the Qt
# Core and standard headers (ta_pch_core), those and Qt Widgets' (ta_pch_widgets) for a target
# that links Qt Widgets, and each of the two with QtTest's core for a test (ta_pch_test,
# ta_pch_widgets_test). GCC takes a shared header only when the macros it was made with are
# defined the same way where it is used, and when no macro defined there alone is named in it; a
# refused header is a warning (-Winvalid-pch), so an error in CI. Hence:
#   - a donor defines only what each of its users defines too (Qt's macros of the modules it
#     links, and _REENTRANT: everything compiles with -pthread);
#   - QtTest's per-folder QT_TESTCASE_* macros are dropped (see ta_use_precompiled_headers);
#   - <QTest> itself is in no header: it names QT_GUI_LIB, QT_WIDGETS_LIB and QT_NETWORK_LIB,
#     which differ between tests.
# A header in the lists below is only ever a head start: every source still includes what it uses
# (a developer's build under ccache, where TA_PCH is off, holds to that).
#
# ccache caches a source built with a precompiled header only with sloppiness pch_defines and
# time_macros, so a build with a compiler launcher (a developer's ccache) leaves them off unless
# TA_PCH=ON is given.

set(ta_pch_core_headers
    <QByteArray> <QCoreApplication> <QCryptographicHash> <QDateTime> <QDir> <QElapsedTimer>
    <QFile> <QFileInfo> <QFuture> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QJsonValue>
    <QList> <QMap> <QObject> <QPointer> <QPromise> <QRegularExpression> <QSet> <QString>
    <QStringList> <QTemporaryDir> <QThreadPool> <QTimer> <QVariant>
    <algorithm> <atomic> <cmath> <cstdint> <functional> <limits> <memory> <optional> <string>
    <string_view> <utility> <vector>)
set(ta_pch_widgets_headers ${ta_pch_core_headers}
    <QAction> <QComboBox> <QDialog> <QDialogButtonBox> <QFormLayout> <QHBoxLayout> <QHeaderView>
    <QLabel> <QLineEdit> <QPainter> <QPushButton> <QTreeView> <QUndoStack> <QVBoxLayout>
    <QWidget>)
# QtTest's core; not <QTest> itself, whose tail includes its Gui, Widgets and Network parts as the
# target links them (QT_GUI_LIB, QT_WIDGETS_LIB, QT_NETWORK_LIB).
set(ta_pch_qtest_headers <QtTest/qtestcase.h> <QtTest/qtestdata.h> <QSignalSpy>)
set(ta_pch_test_headers ${ta_pch_core_headers} ${ta_pch_qtest_headers})
set(ta_pch_widgets_test_headers ${ta_pch_widgets_headers} ${ta_pch_qtest_headers})

if(CMAKE_CXX_COMPILER_LAUNCHER OR NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU" OR TA_FUZZ)
    set(ta_pch_default OFF)
else()
    set(ta_pch_default ON)
endif()
option(TA_PCH "Precompile the Qt and standard headers most sources include (GCC)" ${ta_pch_default})
if(TA_PCH AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    message(FATAL_ERROR "TA_PCH: the shared precompiled headers are made for GCC only")
endif()

# The Qt modules among Core, Widgets and Test that target $1 links, directly or through the
# project's libraries (one walk of its link graph); sets $2 to their names.
function(ta_linked_qt target out)
    set(queue ${target})
    set(seen "")
    set(found "")
    while(queue)
        list(POP_FRONT queue t)
        if(t IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${t})
        if(t MATCHES "^Qt6?::(Core|Widgets|Test)$")
            list(APPEND found ${CMAKE_MATCH_1})
            continue()
        endif()
        if(NOT TARGET ${t})
            continue()
        endif()
        get_target_property(imported ${t} IMPORTED)
        if(imported)
            continue()
        endif()
        get_target_property(libs ${t} LINK_LIBRARIES)
        get_target_property(interface_libs ${t} INTERFACE_LINK_LIBRARIES)
        foreach(lib IN LISTS libs interface_libs)
            # $<LINK_ONLY:x> and the like: the name inside.
            string(REGEX REPLACE "^\\$<[A-Z_]+:(.*)>$" "\\1" lib "${lib}")
            if(lib AND NOT lib MATCHES "-NOTFOUND$")
                list(APPEND queue ${lib})
            endif()
        endforeach()
    endwhile()
    set(${out} ${found} PARENT_SCOPE)
endfunction()

# Every target made in folder $1 and below; sets $2.
function(ta_targets_under dir out)
    set(dirs ${dir})
    set(all "")
    while(dirs)
        list(POP_FRONT dirs d)
        get_property(here DIRECTORY ${d} PROPERTY BUILDSYSTEM_TARGETS)
        get_property(subdirs DIRECTORY ${d} PROPERTY SUBDIRECTORIES)
        list(APPEND all ${here})
        list(APPEND dirs ${subdirs})
    endwhile()
    set(${out} ${all} PARENT_SCOPE)
endfunction()

# Makes donor target $1 of the headers in list $3, built as a target that links $2 builds.
function(ta_pch_donor name libs headers)
    add_library(${name} OBJECT ${PROJECT_SOURCE_DIR}/cmake/pch.cpp)
    set_target_properties(${name} PROPERTIES AUTOMOC OFF)
    target_link_libraries(${name} PRIVATE ${libs})
    target_compile_options(${name} PRIVATE -pthread)
    target_precompile_headers(${name} PRIVATE ${${headers}})
endfunction()

# Gives every C++ target of the project that links Qt one of the four shared headers. Called once,
# at the end of the top CMakeLists.txt, when every target exists.
function(ta_use_precompiled_headers)
    if(NOT TA_PCH)
        return()
    endif()
    # QtTest defines QT_TESTCASE_BUILDDIR and QT_TESTCASE_SOURCEDIR per test folder, for
    # QFINDTESTDATA alone; Trust Atlas's tests find their data through TA_TEST_DATA_DIR and never
    # use it. Without them every test takes one shared header with QtTest's core in it.
    get_target_property(test_defs Qt6::Test INTERFACE_COMPILE_DEFINITIONS)
    list(FILTER test_defs EXCLUDE REGEX "^QT_TESTCASE_")
    set_target_properties(Qt6::Test PROPERTIES INTERFACE_COMPILE_DEFINITIONS "${test_defs}")

    ta_pch_donor(ta_pch_core Qt6::Core ta_pch_core_headers)
    ta_pch_donor(ta_pch_widgets Qt6::Widgets ta_pch_widgets_headers)
    ta_pch_donor(ta_pch_test "Qt6::Core;Qt6::Test" ta_pch_test_headers)
    ta_pch_donor(ta_pch_widgets_test "Qt6::Widgets;Qt6::Test" ta_pch_widgets_test_headers)

    set(targets "")
    ta_targets_under(${PROJECT_SOURCE_DIR} targets)
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        if(NOT type MATCHES "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY|OBJECT_LIBRARY)$"
           OR target MATCHES "^ta_pch_")
            continue()
        endif()
        # Only what links Qt Core is built with its flags (-fPIC) and macros; a target of generated
        # sources alone (a resource's qrc_*.cpp) would spend more on loading the header than it
        # spares.
        ta_linked_qt(${target} qt)
        get_target_property(sources ${target} SOURCES)
        list(FILTER sources INCLUDE REGEX "\\.cpp$")
        list(FILTER sources EXCLUDE REGEX "(^|/)qrc_|_autogen/")
        if(NOT "Core" IN_LIST qt OR NOT sources)
            continue()
        endif()
        # -pthread defines _REENTRANT, which the standard headers name: the CEL library compiles
        # with it (RE2's pkg-config flags), so every target and every donor do.
        target_compile_options(${target} PRIVATE -pthread)
        set(donor ta_pch_core)
        if("Widgets" IN_LIST qt AND "Test" IN_LIST qt)
            set(donor ta_pch_widgets_test)
        elseif("Widgets" IN_LIST qt)
            set(donor ta_pch_widgets)
        elseif("Test" IN_LIST qt)
            set(donor ta_pch_test)
        endif()
        target_precompile_headers(${target} REUSE_FROM ${donor})
        # An executable's moc sources are included by its own source, so its mocs_compilation.cpp
        # is empty: loading a precompiled header there would cost more than it spares.
        get_target_property(automoc ${target} AUTOMOC)
        if(type STREQUAL "EXECUTABLE" AND automoc)
            get_target_property(binary_dir ${target} BINARY_DIR)
            set_source_files_properties(${binary_dir}/${target}_autogen/mocs_compilation.cpp
                TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
        endif()
    endforeach()
endfunction()
