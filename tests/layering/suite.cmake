# The engine never includes a GUI header (DESIGN.md principle 4). The
# configure step already refuses to link one; this test catches includes.
add_test(NAME layering/engine-includes-no-gui
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_engine_includes.sh ${CMAKE_SOURCE_DIR}/engine)
