include(GNUInstallDirs)
install(TARGETS ekyc-desk ekyc-desk-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_SOURCE_DIR}/packaging/ekyc-desk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
# The desktop entry's icon (Icon=ekyc-desk) in the hicolor theme: the PNG sizes and the SVG.
foreach(_size 16 24 32 48 64 128 256)
    install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/app/ekyc-desk-${_size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps RENAME ekyc-desk.png)
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/app/ekyc-desk.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME ekyc-desk)
set(CPACK_PACKAGE_CONTACT "eKYC Desk maintainers <maintainers@ekyc-desk.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Identity-verification review desk for Alibaba Cloud Id2MetaPeriodVerifyIntl")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libqt6svg6 also brings the SVG icon engine plugin the bundled SVG icons need.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
