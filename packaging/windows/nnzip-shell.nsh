; Explorer integration for nnzip, for an NSIS installer that puts nnzip-gui.exe and
; nnzip-action.ps1 into $INSTDIR. Usage:
;   !include "nnzip-shell.nsh"
;   Section "Install"   ... !insertmacro NNZIP_REGISTER_SHELL   ... SectionEnd
;   Section "Uninstall" ... !insertmacro NNZIP_UNREGISTER_SHELL ... SectionEnd
; Registers for all users (HKLM\Software\Classes, so the installer needs admin rights):
;   .nnz                  -> ProgID nnzip.Archive: Open, Extract here, Extract to...
;   .zip .7z .tar ...     -> Extract here / Extract to... (nnzip) as extra verbs; their owner is unchanged
;   every file and folder -> Compress to .nnz (nnzip), Compress to encrypted .nnz... (nnzip)
; Explorer passes one item per verb invocation ("%1").
!include "LogicLib.nsh"

!define NNZIP_PROGID "nnzip.Archive"
!define NNZIP_GUI_CMD '"$INSTDIR\nnzip-gui.exe"'
!define NNZIP_ACTION_CMD 'powershell.exe -NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File "$INSTDIR\nnzip-action.ps1"'

!macro NNZIP_VERB KEY VERB LABEL COMMAND
  WriteRegStr HKLM "Software\Classes\${KEY}\shell\${VERB}" "MUIVerb" "${LABEL}"
  WriteRegStr HKLM "Software\Classes\${KEY}\shell\${VERB}" "Icon" "$INSTDIR\nnzip-gui.exe,0"
  WriteRegStr HKLM "Software\Classes\${KEY}\shell\${VERB}\command" "" '${COMMAND}'
!macroend

!macro NNZIP_EXTRACT_VERBS KEY
  !insertmacro NNZIP_VERB "${KEY}" "nnzip.extracthere" "Extract here (nnzip)" '${NNZIP_GUI_CMD} --extract-here -- "%1"'
  !insertmacro NNZIP_VERB "${KEY}" "nnzip.extractto" "Extract to... (nnzip)" '${NNZIP_ACTION_CMD} extract-to "%1"'
!macroend

!macro NNZIP_REMOVE_EXTRACT_VERBS KEY
  DeleteRegKey HKLM "Software\Classes\${KEY}\shell\nnzip.extracthere"
  DeleteRegKey HKLM "Software\Classes\${KEY}\shell\nnzip.extractto"
!macroend

; Foreign archives nnzip opens through libarchive. SystemFileAssociations adds verbs without
; taking the extension over from the program that owns it.
!macro NNZIP_FOREACH_FOREIGN MACRO
  !insertmacro ${MACRO} "SystemFileAssociations\.zip"
  !insertmacro ${MACRO} "SystemFileAssociations\.7z"
  !insertmacro ${MACRO} "SystemFileAssociations\.rar"
  !insertmacro ${MACRO} "SystemFileAssociations\.tar"
  !insertmacro ${MACRO} "SystemFileAssociations\.tgz"
  !insertmacro ${MACRO} "SystemFileAssociations\.gz"
  !insertmacro ${MACRO} "SystemFileAssociations\.bz2"
  !insertmacro ${MACRO} "SystemFileAssociations\.xz"
  !insertmacro ${MACRO} "SystemFileAssociations\.zst"
  !insertmacro ${MACRO} "SystemFileAssociations\.cab"
  !insertmacro ${MACRO} "SystemFileAssociations\.iso"
  !insertmacro ${MACRO} "SystemFileAssociations\.cpio"
  !insertmacro ${MACRO} "SystemFileAssociations\.lzh"
!macroend

!macro NNZIP_REGISTER_SHELL
  ; .nnz and its ProgID
  WriteRegStr HKLM "Software\Classes\.nnz" "" "${NNZIP_PROGID}"
  WriteRegStr HKLM "Software\Classes\.nnz" "Content Type" "application/x-nnzip"
  WriteRegStr HKLM "Software\Classes\${NNZIP_PROGID}" "" "nnzip archive"
  WriteRegStr HKLM "Software\Classes\${NNZIP_PROGID}\DefaultIcon" "" "$INSTDIR\nnzip-gui.exe,0"
  WriteRegStr HKLM "Software\Classes\${NNZIP_PROGID}\shell" "" "open"
  WriteRegStr HKLM "Software\Classes\${NNZIP_PROGID}\shell\open\command" "" '${NNZIP_GUI_CMD} -- "%1"'
  !insertmacro NNZIP_EXTRACT_VERBS "${NNZIP_PROGID}"
  !insertmacro NNZIP_FOREACH_FOREIGN NNZIP_EXTRACT_VERBS
  ; Compress: any file, any folder
  !insertmacro NNZIP_VERB "*" "nnzip.compress" "Compress to .nnz (nnzip)" '${NNZIP_ACTION_CMD} compress "%1"'
  !insertmacro NNZIP_VERB "Directory" "nnzip.compress" "Compress to .nnz (nnzip)" '${NNZIP_ACTION_CMD} compress "%1"'
  !insertmacro NNZIP_VERB "*" "nnzip.compressencrypted" "Compress to encrypted .nnz... (nnzip)" '${NNZIP_ACTION_CMD} compress-encrypted "%1"'
  !insertmacro NNZIP_VERB "Directory" "nnzip.compressencrypted" "Compress to encrypted .nnz... (nnzip)" '${NNZIP_ACTION_CMD} compress-encrypted "%1"'
  ; Tell Explorer that associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro NNZIP_UNREGISTER_SHELL
  Push $0
  ReadRegStr $0 HKLM "Software\Classes\.nnz" ""
  ${If} $0 == "${NNZIP_PROGID}"
    DeleteRegKey HKLM "Software\Classes\.nnz"
  ${EndIf}
  Pop $0
  DeleteRegKey HKLM "Software\Classes\${NNZIP_PROGID}"
  !insertmacro NNZIP_FOREACH_FOREIGN NNZIP_REMOVE_EXTRACT_VERBS
  DeleteRegKey HKLM "Software\Classes\*\shell\nnzip.compress"
  DeleteRegKey HKLM "Software\Classes\Directory\shell\nnzip.compress"
  DeleteRegKey HKLM "Software\Classes\*\shell\nnzip.compressencrypted"
  DeleteRegKey HKLM "Software\Classes\Directory\shell\nnzip.compressencrypted"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
