#!/usr/bin/env python3
"""Writes the macOS Quick Actions (Automator .workflow bundles) from scripts/*.sh.

Each workflow is one "Run Shell Script" action that receives the files selected in Finder as
arguments ("$@"); its script is scripts/find-gui.sh followed by the action's script. The bundles
are committed; rerun this after editing a script. scripts/validate-integration.sh checks that
the committed bundles match what this generator writes.
Install: copy a bundle to ~/Library/Services/ (or double-click it); it appears under Quick
Actions in Finder's context menu.
"""
import pathlib
import plistlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
ACTIONS = [
    # bundle name, script, Finder file types it applies to, lines put before the script
    # io.github.nnzip.archive is .nnz, declared by nnzip.app (app-info-fragment.plist); zip, tar,
    # 7z... conform to public.archive.
    ("nnzip - Extract Here", "extract-here.sh", ["io.github.nnzip.archive", "public.archive"], ""),
    ("nnzip - Extract To", "extract-to.sh", ["io.github.nnzip.archive", "public.archive"], ""),
    ("nnzip - Compress", "compress.sh", ["public.item"], ""),
    ("nnzip - Compress Encrypted", "compress.sh", ["public.item"], "encrypt=1\n"),
]


def script_for(name: str, prefix: str) -> str:
    body = (HERE / "scripts" / "find-gui.sh").read_text() + "\n" + prefix + (HERE / "scripts" / name).read_text()
    return body


def run_shell_script_action(script: str) -> dict:
    parameters = {
        "COMMAND_STRING": script,
        "CheckedForUserDefaultShell": True,
        "inputMethod": 1,  # pass the input as arguments
        "shell": "/bin/bash",
        "source": "",
    }
    return {
        "action": {
            "AMAccepts": {"Container": "List", "Optional": True, "Types": ["com.apple.cocoa.path"]},
            "AMActionVersion": "2.0.3",
            "AMApplication": ["Automator"],
            "AMParameterProperties": {key: {} for key in parameters},
            "AMProvides": {"Container": "List", "Types": ["com.apple.cocoa.string"]},
            "ActionBundlePath": "/System/Library/Automator/Run Shell Script.action",
            "ActionName": "Run Shell Script",
            "ActionParameters": parameters,
            "BundleIdentifier": "com.apple.RunShellScript",
            "CFBundleVersion": "2.0.3",
            "CanShowSelectedItemsWhenRun": False,
            "CanShowWhenRun": True,
            "Category": ["AMCategoryUtilities"],
            "Class Name": "RunShellScriptAction",
            "InputUUID": "6F0C61E4-4E0B-4C4B-9C35-3E1F8A9B0001",
            "Keywords": ["Shell", "Script", "Command", "Run", "Unix"],
            "OutputUUID": "6F0C61E4-4E0B-4C4B-9C35-3E1F8A9B0002",
            "UUID": "6F0C61E4-4E0B-4C4B-9C35-3E1F8A9B0003",
            "UnlocalizedApplications": ["Automator"],
            "arguments": {},
            "isViewVisible": 1,
            "location": "309.000000:253.000000",
            "nibPath": "/System/Library/Automator/Run Shell Script.action/Contents/Resources/Base.lproj/main.nib",
        },
        "isViewVisible": 1,
    }


def document(script: str) -> dict:
    return {
        "AMApplicationBuild": "523",
        "AMApplicationVersion": "2.10",
        "AMDocumentVersion": "2",
        "actions": [run_shell_script_action(script)],
        "connectors": {},
        "workflowMetaData": {
            "applicationBundleIDsByPath": {},
            "applicationPaths": [],
            "inputTypeIdentifier": "com.apple.Automator.fileSystemObject",
            "outputTypeIdentifier": "com.apple.Automator.nothing",
            "presentationMode": 15,
            "processesInput": False,
            "serviceApplicationBundleID": "com.apple.finder",
            "serviceApplicationPath": "/System/Library/CoreServices/Finder.app",
            "serviceInputTypeIdentifier": "com.apple.Automator.fileSystemObject",
            "serviceOutputTypeIdentifier": "com.apple.Automator.nothing",
            "serviceProcessesInput": False,
            "systemImageName": "NSActionTemplate",
            "useAutomaticInputType": False,
            "workflowTypeIdentifier": "com.apple.Automator.servicesMenu",
        },
    }


def info(title: str, file_types: list) -> dict:
    return {
        "NSServices": [{
            "NSBackgroundColorName": "background",
            "NSIconName": "NSActionTemplate",
            "NSMenuItem": {"default": title},
            "NSMessage": "runWorkflowAsService",
            "NSRequiredContext": {"NSApplicationIdentifier": "com.apple.finder"},
            "NSSendFileTypes": file_types,
        }]
    }


def main() -> int:
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for title, script, types, prefix in ACTIONS:
        contents = out / f"{title}.workflow" / "Contents"
        contents.mkdir(parents=True, exist_ok=True)
        (contents / "Info.plist").write_bytes(plistlib.dumps(info(title, types), sort_keys=True))
        (contents / "document.wflow").write_bytes(plistlib.dumps(document(script_for(script, prefix)), sort_keys=True))
        print(f"wrote {contents.parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
