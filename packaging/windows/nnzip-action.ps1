# nnzip-action.ps1: the two Explorer verbs that need a decision before nnzip-gui.exe can run
# (the Windows twin of packaging/linux/nnzip-action).
#   nnzip-action.ps1 extract-to ARCHIVE...  ask for a folder, then nnzip-gui --extract-to DIR ARCHIVE...
#   nnzip-action.ps1 compress PATH...       pick a free NAME.nnz beside the first PATH, then
#                                           nnzip-gui --compress-to NAME.nnz PATH...
#   nnzip-action.ps1 compress-encrypted PATH...  the same with --encrypt (nnzip-gui asks for a
#                                           password twice)
param(
    [Parameter(Mandatory = $true, Position = 0)][ValidateSet('extract-to', 'compress', 'compress-encrypted')][string]$Action,
    [Parameter(Mandatory = $true, Position = 1, ValueFromRemainingArguments = $true)][string[]]$Paths
)
$ErrorActionPreference = 'Stop'
$gui = Join-Path $PSScriptRoot 'nnzip-gui.exe'
$Paths = @($Paths | ForEach-Object { [System.IO.Path]::GetFullPath($_) })

# One argument for the Windows command line: a trailing backslash is doubled so it does not
# escape the closing quote ("C:\" would otherwise swallow it).
function Quote([string]$s) { if ($s.EndsWith('\')) { $s += '\' }; '"' + $s + '"' }

if ($Action -eq 'extract-to') {
    Add-Type -AssemblyName System.Windows.Forms
    $dialog = New-Object System.Windows.Forms.FolderBrowserDialog
    $dialog.Description = 'Extract to'
    $dialog.SelectedPath = Split-Path -Parent $Paths[0]
    if ($dialog.ShowDialog() -ne [System.Windows.Forms.DialogResult]::OK) { exit 0 }  # cancelled
    $arguments = @('--extract-to', (Quote $dialog.SelectedPath), '--') + ($Paths | ForEach-Object { Quote $_ })
} else {
    $first = $Paths[0].TrimEnd('\')
    $folder = Split-Path -Parent $first
    $name = if ($Paths.Count -eq 1) { Split-Path -Leaf $first } else { Split-Path -Leaf $folder }
    if ([string]::IsNullOrEmpty($name)) { $name = 'Archive' }
    $archive = Join-Path $folder "$name.nnz"
    for ($n = 2; Test-Path -LiteralPath $archive; $n++) { $archive = Join-Path $folder "$name ($n).nnz" }
    $encrypt = if ($Action -eq 'compress-encrypted') { @('--encrypt') } else { @() }
    $arguments = @('--compress-to', (Quote $archive)) + $encrypt + @('--') + ($Paths | ForEach-Object { Quote $_ })
}
Start-Process -FilePath $gui -ArgumentList $arguments
