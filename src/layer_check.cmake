# The layer rules that the compiler cannot see, checked on every build
# (target donordesk_layer_check, src/CMakeLists.txt): a violation fails the
# build and names the file, the line and the rule.
#   cmake -DSOURCE_DIR=<src> -P layer_check.cmake
# Rules (docs/architecture.md):
#   - gui/, cli/, tools/ and main.cpp include no store header: app/ is the one door;
#   - no header of app/ includes a store header (app's users would see it);
#   - model/ includes only core/ and model/;
#   - the layers below app/ (core, model, hla, match, store, documents)
#     include nothing of app/, gui/ or cli/.
if(NOT DEFINED SOURCE_DIR)
  message(FATAL_ERROR "layer_check.cmake: pass -DSOURCE_DIR=<the src folder>")
endif()

set(violations "")
macro(check_files pattern forbidden rule)
  file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR} ${pattern})
  foreach(file IN LISTS files)
    file(STRINGS ${SOURCE_DIR}/${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line IN LISTS lines)
      if(line MATCHES "#[ \t]*include[ \t]*\"(${forbidden})/")
        string(STRIP "${line}" shown)
        list(APPEND violations "src/${file}: ${shown}: ${rule}")
      endif()
    endforeach()
  endforeach()
endmacro()

foreach(front gui cli tools)
  check_files(${SOURCE_DIR}/${front}/*.[ch]* "store"
              "${front}/ may include app/ and model/ headers, never store/ (app/ is the one door)")
endforeach()
check_files(${SOURCE_DIR}/main.cpp "store" "the GUI program includes gui/ only")
check_files(${SOURCE_DIR}/app/*.h "store" "a header of app/ may not include a store header (use model/ types)")
check_files(${SOURCE_DIR}/model/*.[ch]* "store|app|gui|cli|hla|match|documents"
            "model/ includes only core/ and model/")
foreach(lower core model hla match store documents)
  check_files(${SOURCE_DIR}/${lower}/*.[ch]* "app|gui|cli" "${lower}/ lies below app/: it may not include an upper layer")
endforeach()

if(violations)
  list(JOIN violations "\n  " shown)
  message(FATAL_ERROR "layer rules broken (docs/architecture.md):\n  ${shown}")
endif()
