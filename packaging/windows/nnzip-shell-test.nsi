; Compiles nnzip-shell.nsh into a throw-away installer so that `makensis` checks its syntax and
; macros (scripts/validate-integration.sh runs it where makensis is installed). Not a release
; installer: it packages no files.
Unicode true
Name "nnzip shell verbs check"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\nnzip"
RequestExecutionLevel admin
!include "nnzip-shell.nsh"

Section "Install"
  SetOutPath "$INSTDIR"
  !insertmacro NNZIP_REGISTER_SHELL
  WriteUninstaller "$INSTDIR\uninstall.exe"
SectionEnd

Section "Uninstall"
  !insertmacro NNZIP_UNREGISTER_SHELL
  Delete "$INSTDIR\uninstall.exe"
SectionEnd
