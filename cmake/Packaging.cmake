# CPack: `cmake --build build --target package` writes build/nnzip_<version>_<arch>.deb.
# Its Depends line comes from dpkg-shlibdeps (the libraries the binaries link: LibTorch, Qt,
# libarchive, xxHash, libstdc++); the explicit part below is what shlibdeps cannot see.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nnzip)
set(CPACK_PACKAGE_VENDOR "nnzip")
set(CPACK_PACKAGE_CONTACT "nnzip maintainers <maintainers@users.noreply.b-seed-26a97265.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "nnzip creates and extracts .nnz archives with a neural network trained online while it\n"
  "codes. The decoder repeats the same learning, so no weights are stored, and exact integer\n"
  "arithmetic makes every archive decode bit for bit on any machine. Includes the nnzip command\n"
  "line tool, the nnzip-gui desktop application with file-manager actions, and nnzip-bench.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# LibTorch runs its GEMMs on the OpenMP OpenBLAS (DESIGN.md section 3); the pthread variant
# would fight LibTorch's threads, hence a recommendation rather than leaving it to chance.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-openmp, qt6-translations-l10n")
# (qt6-translations-l10n: Qt's own strings, e.g. the file dialogs' buttons, in the user's language;
# nnzip's catalogues are built into nnzip-gui.)
# nnzip-action's "Extract to..." asks for the folder with one of these.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "zenity | kdialog")
include(CPack)
