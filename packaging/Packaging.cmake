# Install rules and the Debian package (CPack). Everything is installed relative to the prefix, so
# `cmake --install build --prefix DIR` works for any DIR. Translations (:/i18n) and the user guide (:/guide) are
# resources inside the executables; nothing else is read from the installed tree.
include(GNUInstallDirs)
set(EKYC_APP_ID io.github.ekyc_desk.EkycDesk)
# The date of the release named by PROJECT_VERSION, for the AppStream <release>; change both together.
set(EKYC_RELEASE_DATE 2026-12-02)

install(TARGETS ekyc-desk ekyc-desk-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_SOURCE_DIR}/packaging/${EKYC_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
configure_file(${CMAKE_SOURCE_DIR}/packaging/${EKYC_APP_ID}.metainfo.xml.in
               ${CMAKE_BINARY_DIR}/packaging/${EKYC_APP_ID}.metainfo.xml @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/packaging/${EKYC_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
# The desktop entry's icon (Icon=ekyc-desk) in the hicolor theme: the PNG sizes and the SVG.
foreach(_size 16 24 32 48 64 128 256)
    install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/app/ekyc-desk-${_size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps RENAME ekyc-desk.png)
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/app/ekyc-desk.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME ekyc-desk)
set(CPACK_PACKAGE_CONTACT "eKYC Desk maintainers <maintainers@ekyc-desk.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Identity-verification review desk for Alibaba Cloud Id2MetaPeriodVerifyIntl")
set(CPACK_PACKAGE_DESCRIPTION
    "A desk for identity-verification review staff: cases are checked locally, verified with Alibaba Cloud ID \
Verification over HTTPS and kept in a tamper-evident audit history (SQLite or PostgreSQL). Includes a training \
sandbox and the command-line tool ekyc-desk-cli.")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://ekyc-desk.invalid/)
# The executables without their debug information (a RelWithDebInfo build is about 150 MB with it).
set(CPACK_STRIP_FILES ON)
# dpkg-shlibdeps finds the linked libraries: the Qt modules (libqt6svg6 among them, which also holds the SVG icon
# engine plugin), libqt6keychain1, libssl3, libsqlite3-0. It cannot see the SQL driver plugins Qt loads at run time
# (QSQLITE, QPSQL): they are listed here. The TLS backend plugin is part of libqt6network6. packaging/check-package
# checks that all of them are in Depends.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
# Qt's own dialogs and buttons in Chinese (qtbase_zh_CN.qm, loaded from Qt's translations directory).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# A Secret Service for the keychain: without one, the AccessKey and database passwords are not saved.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
