# SPDX-License-Identifier: Apache-2.0
# Fails when a tr() string of the window has no German or French translation, or a %n message no
# English plural forms: runs lupdate over the sources CMake found (ta_translated_sources) into
# copies of translations/*.ts and looks for unfinished messages.
# -DLUPDATE=... -DSOURCES_FILE=... -DTS_DIR=... -DWORK_DIR=... -DINCLUDE_DIR=...
file(STRINGS "${SOURCES_FILE}" sources)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(failed "")
foreach(lang de fr en)
    file(COPY "${TS_DIR}/trustatlas_${lang}.ts" DESTINATION "${WORK_DIR}")
    set(extra "")
    if(lang STREQUAL "en")
        # The English file holds the plural forms only.
        set(extra -pluralonly)
    endif()
    execute_process(
        COMMAND "${LUPDATE}" -silent -locations none ${extra} -I "${INCLUDE_DIR}" ${sources}
                -ts "${WORK_DIR}/trustatlas_${lang}.ts"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed for ${lang}: ${out}${err}")
    endif()
    file(READ "${WORK_DIR}/trustatlas_${lang}.ts" ts)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*(<oldsource>[^<]*</oldsource>[ \t\r\n]*)?(<comment>[^<]*</comment>[ \t\r\n]*)?<translation type=\"unfinished\"" missing "${ts}")
    list(LENGTH missing count)
    if(count GREATER 0)
        string(REPLACE ";" "\n" shown "${missing}")
        string(APPEND failed "${lang}: ${count} untranslated\n${shown}\n")
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "Untranslated strings (add them to translations/*.ts):\n${failed}")
endif()
message(STATUS "Every string translated into German and French; every plural has its English forms.")
