<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ExistingFiles</name>
    <message>
        <source>%1 already existed and was kept as it was</source>
        <translation>%1 already existed and was kept as it was</translation>
    </message>
    <message numerus="yes">
        <source>%n existing files were kept as they were (%1, ...)</source>
        <translation>
            <numerusform>%n existing file was kept as it was (%1, ...)</numerusform>
            <numerusform>%n existing files were kept as they were (%1, ...)</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>Replace Files?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Keep Existing</source>
        <translation>Keep Existing</translation>
    </message>
    <message>
        <source>could not give one entry all of its recorded owner, extended attributes and access control list: %1</source>
        <translation>could not give one entry all of its recorded owner, extended attributes and access control list: %1</translation>
    </message>
    <message numerus="yes">
        <source>could not give %n entries all of their recorded owner, extended attributes and access control list: %1, ...</source>
        <translation>
            <numerusform>could not give %n entry all of its recorded owner, extended attributes and access control list: %1, ...</numerusform>
            <numerusform>could not give %n entries all of their recorded owner, extended attributes and access control list: %1, ...</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>Keep Both</translation>
    </message>
    <message>
        <source>%1 already existed: the archive&apos;s was extracted as %2</source>
        <translation>%1 already existed: the archive&apos;s was extracted as %2</translation>
    </message>
    <message numerus="yes">
        <source>%n files already existed: the archive&apos;s were extracted under new names (%1 as %2, ...)</source>
        <translation>
            <numerusform>%n file already existed: the archive&apos;s was extracted under a new name (%1 as %2, ...)</numerusform>
            <numerusform>%n files already existed: the archive&apos;s were extracted under new names (%1 as %2, ...)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutsideLinksQuestion</name>
    <message>
        <source>Links Outside the Folder</source>
        <translation>Links Outside the Folder</translation>
    </message>
    <message>
        <source>%1 holds symbolic links that point outside %2, such as %3 → %4.</source>
        <translation>%1 holds symbolic links that point outside %2, such as %3 → %4.</translation>
    </message>
    <message>
        <source>There are %1 of them.</source>
        <translation>There are %1 of them.</translation>
    </message>
    <message>
        <source>Create them as they are, or extract everything else without them? Nothing is ever written through a link.</source>
        <translation>Create them as they are, or extract everything else without them? Nothing is ever written through a link.</translation>
    </message>
    <message>
        <source>Create Links</source>
        <translation>Create Links</translation>
    </message>
    <message>
        <source>Leave Them Out</source>
        <translation>Leave Them Out</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Encrypt Archive</source>
        <translation>Encrypt Archive</translation>
    </message>
    <message>
        <source>Choose a password for %1: its contents and names are encrypted.</source>
        <translation>Choose a password for %1: its contents and names are encrypted.</translation>
    </message>
</context>
<context>
    <name>PasswordQuestion</name>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>%1 is encrypted. Enter its password:</source>
        <translation>%1 is encrypted. Enter its password:</translation>
    </message>
    <message>
        <source>Wrong password for %1. Try again:</source>
        <translation>Wrong password for %1. Try again:</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Store (no compression)</source>
        <translation>Store (no compression)</translation>
    </message>
    <message>
        <source>Fast (small network)</source>
        <translation>Fast (small network)</translation>
    </message>
    <message>
        <source>Maximum (large network, slow)</source>
        <translation>Maximum (large network, slow)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>Stored without compression</source>
        <translation>Stored without compression</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>automatic device</source>
        <translation>automatic device</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>all cores</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>GPU (64 lanes, for an NVIDIA GPU)</source>
        <translation>GPU (64 lanes, for an NVIDIA GPU)</translation>
    </message>
    <message>
        <source> · leaving out %1</source>
        <translation> · leaving out %1</translation>
    </message>
    <message>
        <source> · recovery record %1%</source>
        <translation> · recovery record %1%</translation>
    </message>
    <message>
        <source> · volumes of %1 MiB</source>
        <translation> · volumes of %1 MiB</translation>
    </message>
    <message>
        <source> · volumes of %1</source>
        <translation> · volumes of %1</translation>
    </message>
    <message>
        <source> · deleting the files once archived</source>
        <translation> · deleting the files once archived</translation>
    </message>
    <message>
        <source> · following symbolic links</source>
        <translation> · following symbolic links</translation>
    </message>
    <message>
        <source>version control</source>
        <translation>version control</translation>
    </message>
    <message>
        <source>caches</source>
        <translation>caches</translation>
    </message>
    <message>
        <source> · tested before it is kept</source>
        <translation> · tested before it is kept</translation>
    </message>
    <message>
        <source>other file systems</source>
        <translation>other file systems</translation>
    </message>
    <message>
        <source>folders with a %1</source>
        <translation>folders with a %1</translation>
    </message>
</context>
<context>
    <name>nnz::ui::BatchWindow</name>
    <message>
        <source>nnzip — working</source>
        <translation>nnzip — working</translation>
    </message>
    <message>
        <source>Nothing to Do</source>
        <translation>Nothing to Do</translation>
    </message>
    <message>
        <source>No archive or file was given.</source>
        <translation>No archive or file was given.</translation>
    </message>
    <message>
        <source>Extracting %1 to %2</source>
        <translation>Extracting %1 to %2</translation>
    </message>
    <message>
        <source>Replace Archive?</source>
        <translation>Replace Archive?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 already exists. Replace it?</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>Creating %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) finished.</source>
        <translation>
            <numerusform>%n job finished.</numerusform>
            <numerusform>%n jobs finished.</numerusform>
        </translation>
    </message>
    <message>
        <source>Extracting %1 would replace files in %2 (%3 and maybe more). Replace them, keep them and extract the rest, or keep both (the archive&apos;s under new names, such as &quot;a (2).txt&quot;)?</source>
        <translation>Extracting %1 would replace files in %2 (%3 and maybe more). Replace them, keep them and extract the rest, or keep both (the archive&apos;s under new names, such as &quot;a (2).txt&quot;)?</translation>
    </message>
</context>
<context>
    <name>nnz::ui::BpbChart</name>
    <message>
        <source>Bits per byte of each stretch of input, along the input</source>
        <translation>Bits per byte of each stretch of input, along the input</translation>
    </message>
    <message>
        <source>bits per byte</source>
        <translation>bits per byte</translation>
    </message>
</context>
<context>
    <name>nnz::ui::EntriesModel</name>
    <message>
        <source>store</source>
        <translation>store</translation>
    </message>
    <message>
        <source>neural</source>
        <translation>neural</translation>
    </message>
    <message>
        <source>Symbolic link to %1</source>
        <translation>Symbolic link to %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Packed</translation>
    </message>
    <message>
        <source>Bits/byte</source>
        <translation>Bits/byte</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modified</translation>
    </message>
    <message>
        <source>Checksum (XXH64)</source>
        <translation>Checksum (XXH64)</translation>
    </message>
    <message>
        <source>Cannot be extracted or converted: %1</source>
        <translation>Cannot be extracted or converted: %1</translation>
    </message>
    <message>
        <source>%1: the same content as %2, stored once</source>
        <translation>%1: the same content as %2, stored once</translation>
    </message>
    <message numerus="yes">
        <source> in %n folder(s)</source>
        <translation>
            <numerusform> in %n folder</numerusform>
            <numerusform> in %n folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n byte(s)</source>
        <translation>
            <numerusform>%1: %n byte</numerusform>
            <numerusform>%1: %n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnz::ui::ExtractDialog</name>
    <message>
        <source>Extract</source>
        <translation>Extract</translation>
    </message>
    <message>
        <source>Extract To</source>
        <translation>Extract To</translation>
    </message>
    <message>
        <source>Keep the folders above the selection (%1/)</source>
        <translation>Keep the folders above the selection (%1/)</translation>
    </message>
    <message>
        <source>Extract &amp;to:</source>
        <translation>Extract &amp;to:</translation>
    </message>
    <message>
        <source>Existing &amp;files:</source>
        <translation>Existing &amp;files:</translation>
    </message>
    <message>
        <source>E&amp;xtract</source>
        <translation>E&amp;xtract</translation>
    </message>
    <message>
        <source>Extract to</source>
        <translation>Extract to</translation>
    </message>
</context>
<context>
    <name>nnz::ui::Job</name>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Cancelled before it started.</translation>
    </message>
</context>
<context>
    <name>nnz::ui::JobMessages</name>
    <message>
        <source>Cannot Create Archive</source>
        <translation>Cannot Create Archive</translation>
    </message>
    <message>
        <source>Could not create %1:
%2

No archive was written.</source>
        <translation>Could not create %1:
%2

No archive was written.</translation>
    </message>
    <message>
        <source>Cannot Add Files</source>
        <translation>Cannot Add Files</translation>
    </message>
    <message>
        <source>Could not add to %1:
%2

The archive was not changed.</source>
        <translation>Could not add to %1:
%2

The archive was not changed.</translation>
    </message>
    <message>
        <source>Cannot Extract</source>
        <translation>Cannot Extract</translation>
    </message>
    <message>
        <source>Could not extract from %1:
%2

Nothing was written.</source>
        <translation>Could not extract from %1:
%2

Nothing was written.</translation>
    </message>
    <message>
        <source>Could not extract from %1:
%2

No file was extracted.</source>
        <translation>Could not extract from %1:
%2

No file was extracted.</translation>
    </message>
    <message>
        <source>Could not extract from %1:
%2

Files extracted before the error were verified and kept; no partial file was left.</source>
        <translation>Could not extract from %1:
%2

Files extracted before the error were verified and kept; no partial file was left.</translation>
    </message>
    <message>
        <source>Test Failed</source>
        <translation>Test Failed</translation>
    </message>
    <message>
        <source>%1 is damaged:
%2

The archive was not changed.</source>
        <translation>%1 is damaged:
%2

The archive was not changed.</translation>
    </message>
    <message>
        <source>Could not test %1:
%2

The archive was not changed.</source>
        <translation>Could not test %1:
%2

The archive was not changed.</translation>
    </message>
    <message>
        <source>Job Failed</source>
        <translation>Job Failed</translation>
    </message>
    <message>
        <source>%1 failed:
%2

Nothing was changed.</source>
        <translation>%1 failed:
%2

Nothing was changed.</translation>
    </message>
    <message>
        <source>Archive created</source>
        <translation>Archive created</translation>
    </message>
    <message>
        <source>%1 is ready.</source>
        <translation>%1 is ready.</translation>
    </message>
    <message>
        <source>Files added</source>
        <translation>Files added</translation>
    </message>
    <message>
        <source>Extraction finished</source>
        <translation>Extraction finished</translation>
    </message>
    <message>
        <source>%1 was extracted to %2.</source>
        <translation>%1 was extracted to %2.</translation>
    </message>
    <message>
        <source>Test passed</source>
        <translation>Test passed</translation>
    </message>
    <message>
        <source>%1: every entry decoded and every checksum matched.</source>
        <translation>%1: every entry decoded and every checksum matched.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>The file could not be read.</translation>
    </message>
    <message>
        <source>Could not open %1:
%2</source>
        <translation>Could not open %1:
%2</translation>
    </message>
    <message>
        <source>The file was not changed.</source>
        <translation>The file was not changed.</translation>
    </message>
    <message>
        <source>Cannot Open Archive</source>
        <translation>Cannot Open Archive</translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation>Cannot Delete</translation>
    </message>
    <message>
        <source>Could not delete from %1:
%2

The archive was not changed.</source>
        <translation>Could not delete from %1:
%2

The archive was not changed.</translation>
    </message>
    <message>
        <source>Entries deleted</source>
        <translation>Entries deleted</translation>
    </message>
    <message>
        <source>Cannot Rename</source>
        <translation>Cannot Rename</translation>
    </message>
    <message>
        <source>Could not rename in %1:
%2

The archive was not changed.</source>
        <translation>Could not rename in %1:
%2

The archive was not changed.</translation>
    </message>
    <message>
        <source>Entry renamed</source>
        <translation>Entry renamed</translation>
    </message>
    <message>
        <source>Cannot Set Password</source>
        <translation>Cannot Set Password</translation>
    </message>
    <message>
        <source>Could not change the password of %1:
%2

The archive was not changed.</source>
        <translation>Could not change the password of %1:
%2

The archive was not changed.</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>Password set</translation>
    </message>
    <message>
        <source>Could not extract all of %1:
%2

Every file that could be read was extracted and verified; no partial file was left.</source>
        <translation>Could not extract all of %1:
%2

Every file that could be read was extracted and verified; no partial file was left.</translation>
    </message>
    <message>
        <source>The file is damaged or is not an nnzip archive. File ▸ Repair Archive… recovers what a damaged one still holds.</source>
        <translation>The file is damaged or is not an nnzip archive. File ▸ Repair Archive… recovers what a damaged one still holds.</translation>
    </message>
    <message>
        <source>Cannot Change Recovery Record</source>
        <translation>Cannot Change Recovery Record</translation>
    </message>
    <message>
        <source>Could not change the recovery record of %1:
%2

The archive was not changed.</source>
        <translation>Could not change the recovery record of %1:
%2

The archive was not changed.</translation>
    </message>
    <message>
        <source>Recovery record changed</source>
        <translation>Recovery record changed</translation>
    </message>
    <message>
        <source>%1: every entry decoded and every checksum matched; its recovery record is intact.</source>
        <translation>%1: every entry decoded and every checksum matched; its recovery record is intact.</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Cannot Export</translation>
    </message>
    <message>
        <source>Could not export %1:
%2

No file was written.</source>
        <translation>Could not export %1:
%2

No file was written.</translation>
    </message>
    <message>
        <source>Archive exported</source>
        <translation>Archive exported</translation>
    </message>
    <message>
        <source>%1 was written.</source>
        <translation>%1 was written.</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>Cannot Compare</translation>
    </message>
    <message>
        <source>Could not compare %1 with the files on disk:
%2

Nothing was changed.</source>
        <translation>Could not compare %1 with the files on disk:
%2

Nothing was changed.</translation>
    </message>
    <message>
        <source>Files match</source>
        <translation>Files match</translation>
    </message>
    <message>
        <source>The files in %1 are as %2 holds them.</source>
        <translation>The files in %1 are as %2 holds them.</translation>
    </message>
    <message>
        <source>Files differ</source>
        <translation>Files differ</translation>
    </message>
    <message numerus="yes">
        <source>%n entries of %1 differ from the files in %2.</source>
        <translation>
            <numerusform>%n entry of %1 differs from the files in %2.</numerusform>
            <numerusform>%n entries of %1 differ from the files in %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the selected entries decoded and their checksums matched.</source>
        <translation>%1: the selected entries decoded and their checksums matched.</translation>
    </message>
</context>
<context>
    <name>nnz::ui::JobRunner</name>
    <message>
        <source>unknown error</source>
        <translation>unknown error</translation>
    </message>
</context>
<context>
    <name>nnz::ui::MainWindow</name>
    <message>
        <source>nnzip</source>
        <translation>nnzip</translation>
    </message>
    <message>
        <source>Filter by name…</source>
        <translation>Filter by name…</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>Create a new archive from files</source>
        <translation>Create a new archive from files</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>&amp;Close Archive</source>
        <translation>&amp;Close Archive</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>&amp;Add Files…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>Add &amp;Folder…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Extract</source>
        <translation>&amp;Extract</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Extract the selection (or everything) to the default folder</source>
        <translation>Extract the selection (or everything) to the default folder</translation>
    </message>
    <message>
        <source>Extract &amp;To…</source>
        <translation>Extract &amp;To…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Open with &amp;Default Application</source>
        <translation>Open with &amp;Default Application</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Decode everything and verify every checksum</source>
        <translation>Decode everything and verify every checksum</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>&amp;Properties</translation>
    </message>
    <message>
        <source>Alt+Return</source>
        <translation>Alt+Return</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archive</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About nnzip</source>
        <translation>&amp;About nnzip</translation>
    </message>
    <message>
        <source>About nnzip</source>
        <translation>About nnzip</translation>
    </message>
    <message>
        <source>&lt;b&gt;nnzip %1&lt;/b&gt;&lt;p&gt;An archiver whose compression engine is a neural network trained online while it codes, with exact integer arithmetic so every archive decodes bit-exactly everywhere.&lt;/p&gt;</source>
        <translation>&lt;b&gt;nnzip %1&lt;/b&gt;&lt;p&gt;An archiver whose compression engine is a neural network trained online while it codes, with exact integer arithmetic so every archive decodes bit-exactly everywhere.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message numerus="yes">
        <source>%n entries · %1 → %2</source>
        <translation>
            <numerusform>%n entry · %1 → %2</numerusform>
            <numerusform>%n entries · %1 → %2</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 bpb</source>
        <translation> · %1 bpb</translation>
    </message>
    <message>
        <source>%1 — nnzip</source>
        <translation>%1 — nnzip</translation>
    </message>
    <message>
        <source>Replace Archive?</source>
        <translation>Replace Archive?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 already exists. Replace it?</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>Creating %1</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n item(s) to %1</source>
        <translation>
            <numerusform>Adding %n item to %1</numerusform>
            <numerusform>Adding %n items to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Extracting %1 to %2</source>
        <translation>Extracting %1 to %2</translation>
    </message>
    <message>
        <source>Testing %1</source>
        <translation>Testing %1</translation>
    </message>
    <message>
        <source>%1: cancelled; nothing was left behind.</source>
        <translation>%1: cancelled; nothing was left behind.</translation>
    </message>
    <message>
        <source>Cannot Drag</source>
        <translation>Cannot Drag</translation>
    </message>
    <message>
        <source>Could not create a temporary folder.</source>
        <translation>Could not create a temporary folder.</translation>
    </message>
    <message>
        <source>Could not extract the selection:
%1</source>
        <translation>Could not extract the selection:
%1</translation>
    </message>
    <message>
        <source>Jobs Running</source>
        <translation>Jobs Running</translation>
    </message>
    <message>
        <source>Jobs are still running. Cancel them and quit?</source>
        <translation>Jobs are still running. Cancel them and quit?</translation>
    </message>
    <message>
        <source>Files for the New Archive</source>
        <translation>Files for the New Archive</translation>
    </message>
    <message>
        <source>Open Archive</source>
        <translation>Open Archive</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Add Files</source>
        <translation>Add Files</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Add Folder</translation>
    </message>
    <message>
        <source>Cannot Open</source>
        <translation>Cannot Open</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Opening %1</translation>
    </message>
    <message>
        <source>No application is set up to open %1.

It was extracted to %2.</source>
        <translation>No application is set up to open %1.

It was extracted to %2.</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Drop files or folders here to create an archive,&lt;/p&gt;&lt;p&gt;or drop an archive (&lt;b&gt;.nnz&lt;/b&gt;, zip, tar, 7z…) to open it (File ▸ Open, Ctrl+O).&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;Drop files or folders here to create an archive,&lt;/p&gt;&lt;p&gt;or drop an archive (&lt;b&gt;.nnz&lt;/b&gt;, zip, tar, 7z…) to open it (File ▸ Open, Ctrl+O).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Convert to .nnz…</source>
        <translation>&amp;Convert to .nnz…</translation>
    </message>
    <message>
        <source>Convert to .nnz</source>
        <translation>Convert to .nnz</translation>
    </message>
    <message>
        <source>Write the entries of this archive into a new .nnz archive</source>
        <translation>Write the entries of this archive into a new .nnz archive</translation>
    </message>
    <message numerus="yes">
        <source>%n entries · %1 · %2 archive, read-only</source>
        <translation>
            <numerusform>%n entry · %1 · %2 archive, read-only</numerusform>
            <numerusform>%n entries · %1 · %2 archive, read-only</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (read-only) — nnzip</source>
        <translation>%1 (read-only) — nnzip</translation>
    </message>
    <message>
        <source>Read-Only Archive</source>
        <translation>Read-Only Archive</translation>
    </message>
    <message>
        <source>%1 is a %2 archive, which nnzip only reads. Convert it to .nnz first (Archive ▸ Convert to .nnz).</source>
        <translation>%1 is a %2 archive, which nnzip only reads. Convert it to .nnz first (Archive ▸ Convert to .nnz).</translation>
    </message>
    <message>
        <source>Converting %1 to %2</source>
        <translation>Converting %1 to %2</translation>
    </message>
    <message>
        <source>nnzip archives (*.nnz)</source>
        <translation>nnzip archives (*.nnz)</translation>
    </message>
    <message>
        <source>%1 is ready: %2</source>
        <translation>%1 is ready: %2</translation>
    </message>
    <message>
        <source>&amp;Delete from Archive</source>
        <translation>&amp;Delete from Archive</translation>
    </message>
    <message>
        <source>Remove the selected entries from the archive</source>
        <translation>Remove the selected entries from the archive</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete from Archive?</source>
        <translation>Delete from Archive?</translation>
    </message>
    <message>
        <source>Delete %1 from %2? This cannot be undone.</source>
        <translation>Delete %1 from %2? This cannot be undone.</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n item(s) from %1</source>
        <translation>
            <numerusform>Deleting %n item from %1</numerusform>
            <numerusform>Deleting %n items from %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <source>Give the selected entry another name (a folder moves with everything in it)</source>
        <translation>Give the selected entry another name (a folder moves with everything in it)</translation>
    </message>
    <message>
        <source>Renaming %1 to %2</source>
        <translation>Renaming %1 to %2</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>New name for %1 (with / for folders):</source>
        <translation>New name for %1 (with / for folders):</translation>
    </message>
    <message>
        <source>The selection holds only symbolic links that lead outside it; dragging leaves such links out.</source>
        <translation>The selection holds only symbolic links that lead outside it; dragging leaves such links out.</translation>
    </message>
    <message>
        <source>%1 (encrypted) — nnzip</source>
        <translation>%1 (encrypted) — nnzip</translation>
    </message>
    <message>
        <source>Set &amp;Password…</source>
        <translation>Set &amp;Password…</translation>
    </message>
    <message>
        <source>Encrypt the archive with a password, change its password or remove it</source>
        <translation>Encrypt the archive with a password, change its password or remove it</translation>
    </message>
    <message>
        <source>Removing the password of %1</source>
        <translation>Removing the password of %1</translation>
    </message>
    <message>
        <source>Setting the password of %1</source>
        <translation>Setting the password of %1</translation>
    </message>
    <message>
        <source> · encrypted</source>
        <translation> · encrypted</translation>
    </message>
    <message>
        <source>&amp;Repair Archive…</source>
        <translation>&amp;Repair Archive…</translation>
    </message>
    <message>
        <source>Recover what a damaged or cut-off archive still holds into a new archive</source>
        <translation>Recover what a damaged or cut-off archive still holds into a new archive</translation>
    </message>
    <message>
        <source>%1 (repaired)</source>
        <translation>%1 (repaired)</translation>
    </message>
    <message>
        <source>%1 (repaired %2)</source>
        <translation>%1 (repaired %2)</translation>
    </message>
    <message>
        <source>Repairing %1</source>
        <translation>Repairing %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries recovered</source>
        <translation>
            <numerusform>%n entry recovered</numerusform>
            <numerusform>%n entries recovered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n lost (%1 ...)</source>
        <translation>
            <numerusform>; %n lost (%1 ...)</numerusform>
            <numerusform>; %n lost (%1 ...)</numerusform>
        </translation>
    </message>
    <message>
        <source>Repair Archive</source>
        <translation>Repair Archive</translation>
    </message>
    <message>
        <source>nnzip archives (*.nnz);;All files (*)</source>
        <translation>nnzip archives (*.nnz);;All files (*)</translation>
    </message>
    <message>
        <source>Recovery Re&amp;cord…</source>
        <translation>Recovery Re&amp;cord…</translation>
    </message>
    <message>
        <source>Add, change or remove the parity data with which Repair Archive rebuilds damaged parts</source>
        <translation>Add, change or remove the parity data with which Repair Archive rebuilds damaged parts</translation>
    </message>
    <message>
        <source> · recovery record %1%</source>
        <translation> · recovery record %1%</translation>
    </message>
    <message>
        <source>Removing the recovery record of %1</source>
        <translation>Removing the recovery record of %1</translation>
    </message>
    <message>
        <source>Adding a recovery record of %1% to %2</source>
        <translation>Adding a recovery record of %1% to %2</translation>
    </message>
    <message>
        <source>Recovery Record</source>
        <translation>Recovery Record</translation>
    </message>
    <message>
        <source>Recovery record of %1, in percent of its size (0 removes it).
With it, Repair Archive rebuilds damaged parts exactly, up to about that share of the archive:</source>
        <translation>Recovery record of %1, in percent of its size (0 removes it).
With it, Repair Archive rebuilds damaged parts exactly, up to about that share of the archive:</translation>
    </message>
    <message>
        <source>nothing was damaged</source>
        <translation>nothing was damaged</translation>
    </message>
    <message>
        <source>restored from its recovery record (%1 rebuilt)</source>
        <translation>restored from its recovery record (%1 rebuilt)</translation>
    </message>
    <message>
        <source>its damaged recovery record was written anew</source>
        <translation>its damaged recovery record was written anew</translation>
    </message>
    <message>
        <source>%1 has a recovery record: File ▸ Repair Archive… rebuilds it as it was made.</source>
        <translation>%1 has a recovery record: File ▸ Repair Archive… rebuilds it as it was made.</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n item(s) to %1 in %2</source>
        <translation>
            <numerusform>Adding %n item to %1 in %2</numerusform>
            <numerusform>Adding %n items to %1 in %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop to add to %1</source>
        <translation>Drop to add to %1</translation>
    </message>
    <message>
        <source>Drop to add to %1 in %2</source>
        <translation>Drop to add to %1 in %2</translation>
    </message>
    <message>
        <source>Add Files to %1</source>
        <translation>Add Files to %1</translation>
    </message>
    <message>
        <source>Add Folder to %1</source>
        <translation>Add Folder to %1</translation>
    </message>
    <message>
        <source>Update Archive?</source>
        <translation>Update Archive?</translation>
    </message>
    <message>
        <source>%1 was changed in another application. Put the changed file into %2?</source>
        <translation>%1 was changed in another application. Put the changed file into %2?</translation>
    </message>
    <message>
        <source>E&amp;xport As…</source>
        <translation>E&amp;xport As…</translation>
    </message>
    <message>
        <source>Write the entries of this archive as a zip, 7z or tar for people without nnzip</source>
        <translation>Write the entries of this archive as a zip, 7z or tar for people without nnzip</translation>
    </message>
    <message>
        <source>Exporting %1 as %2</source>
        <translation>Exporting %1 as %2</translation>
    </message>
    <message>
        <source>%1, encrypted with the archive&apos;s password</source>
        <translation>%1, encrypted with the archive&apos;s password</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip archives (*.zip)</translation>
    </message>
    <message>
        <source>7-Zip archives (*.7z)</source>
        <translation>7-Zip archives (*.7z)</translation>
    </message>
    <message>
        <source>Tar archives, xz (*.tar.xz)</source>
        <translation>Tar archives, xz (*.tar.xz)</translation>
    </message>
    <message>
        <source>Tar archives, gzip (*.tar.gz)</source>
        <translation>Tar archives, gzip (*.tar.gz)</translation>
    </message>
    <message>
        <source>Tar archives, zstd (*.tar.zst)</source>
        <translation>Tar archives, zstd (*.tar.zst)</translation>
    </message>
    <message>
        <source>Tar archives (*.tar)</source>
        <translation>Tar archives (*.tar)</translation>
    </message>
    <message>
        <source>Export As</source>
        <translation>Export As</translation>
    </message>
    <message>
        <source>Archives (*.nnz *.nnz.001 *.zip *.tar *.tgz *.gz *.bz2 *.xz *.zst *.7z *.rar *.cpio *.iso);;nnzip archives (*.nnz *.nnz.001);;All files (*)</source>
        <translation>Archives (*.nnz *.nnz.001 *.zip *.tar *.tgz *.gz *.bz2 *.xz *.zst *.7z *.rar *.cpio *.iso);;nnzip archives (*.nnz *.nnz.001);;All files (*)</translation>
    </message>
    <message>
        <source>Files Still Open</source>
        <translation>Files Still Open</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the archive opened in other applications (%1) can no longer be put back into it once nnzip closes, and the copies are removed. Close anyway?</source>
        <translation>
            <numerusform>%n file of the archive opened in another application (%1) can no longer be put back into it once nnzip closes, and the copy is removed. Close anyway?</numerusform>
            <numerusform>%n files of the archive opened in other applications (%1) can no longer be put back into it once nnzip closes, and the copies are removed. Close anyway?</numerusform>
        </translation>
    </message>
    <message>
        <source> · damaged: read through its recovery record (Repair Archive mends it)</source>
        <translation> · damaged: read through its recovery record (Repair Archive mends it)</translation>
    </message>
    <message>
        <source>Co&amp;mpare with Folder…</source>
        <translation>Co&amp;mpare with Folder…</translation>
    </message>
    <message>
        <source>Comparing %1 with %2</source>
        <translation>Comparing %1 with %2</translation>
    </message>
    <message>
        <source>Compare with Folder (the folder the archive was made in)</source>
        <translation>Compare with Folder (the folder the archive was made in)</translation>
    </message>
    <message>
        <source>Tell which files on disk differ from the archive (an .nnz by its checksums, without decoding)</source>
        <translation>Tell which files on disk differ from the archive (an .nnz by its checksums, without decoding)</translation>
    </message>
    <message>
        <source>A folder&apos;s time is not compared: it changes with what is in it.</source>
        <translation>A folder&apos;s time is not compared: it changes with what is in it.</translation>
    </message>
    <message>
        <source>Selected: %1 · %2</source>
        <translation>Selected: %1 · %2</translation>
    </message>
    <message>
        <source>Written as a %1, for other tools</source>
        <translation>Written as a %1, for other tools</translation>
    </message>
    <message>
        <source>Some files already exist in %1 (%2 and maybe more). Replace them, keep them and extract the rest, or keep both (the archive&apos;s under new names, such as &quot;a (2).txt&quot;)?</source>
        <translation>Some files already exist in %1 (%2 and maybe more). Replace them, keep them and extract the rest, or keep both (the archive&apos;s under new names, such as &quot;a (2).txt&quot;)?</translation>
    </message>
    <message>
        <source>Every block copied as it is; tested before it is kept</source>
        <translation>Every block copied as it is; tested before it is kept</translation>
    </message>
    <message>
        <source>New from &amp;Folder…</source>
        <translation>New from &amp;Folder…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Create a new archive of a folder and everything in it</source>
        <translation>Create a new archive of a folder and everything in it</translation>
    </message>
    <message>
        <source>Folder for the New Archive</source>
        <translation>Folder for the New Archive</translation>
    </message>
    <message>
        <source>Tested before it is kept</source>
        <translation>Tested before it is kept</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <source>Show the selected file&apos;s contents (text, a picture or hexadecimal) without extracting it</source>
        <translation>Show the selected file&apos;s contents (text, a picture or hexadecimal) without extracting it</translation>
    </message>
    <message>
        <source>Previewing %1</source>
        <translation>Previewing %1</translation>
    </message>
    <message>
        <source>Test &amp;Selected Entries</source>
        <translation>Test &amp;Selected Entries</translation>
    </message>
    <message>
        <source>Decode the selected entries (a folder with everything in it) and verify their checksums</source>
        <translation>Decode the selected entries (a folder with everything in it) and verify their checksums</translation>
    </message>
    <message numerus="yes">
        <source>Testing %n entries of %1</source>
        <translation>
            <numerusform>Testing %n entry of %1</numerusform>
            <numerusform>Testing %n entries of %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Filter by name</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Cop&amp;y</translation>
    </message>
    <message>
        <source>Put the selected entries on the clipboard as files, to paste in a file manager</source>
        <translation>Put the selected entries on the clipboard as files, to paste in a file manager</translation>
    </message>
    <message>
        <source>Cannot Copy</source>
        <translation>Cannot Copy</translation>
    </message>
    <message numerus="yes">
        <source>Copying %n entries of %1</source>
        <translation>
            <numerusform>Copying %n entry of %1</numerusform>
            <numerusform>Copying %n entries of %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The selection holds only symbolic links that lead outside it; copying leaves such links out.</source>
        <translation>The selection holds only symbolic links that lead outside it; copying leaves such links out.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n item(s): paste them in a file manager while this window is open.</source>
        <translation>
            <numerusform>Copied %n item: paste it in a file manager while this window is open.</numerusform>
            <numerusform>Copied %n items: paste them in a file manager while this window is open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnz::ui::NewArchiveDialog</name>
    <message>
        <source>Create Archive</source>
        <translation>Create Archive</translation>
    </message>
    <message>
        <source>Create a new archive from %1?</source>
        <translation>Create a new archive from %1?</translation>
    </message>
    <message numerus="yes">
        <source>Create a new archive from %n item(s)?</source>
        <translation>
            <numerusform>Create a new archive from %n item?</numerusform>
            <numerusform>Create a new archive from %n items?</numerusform>
        </translation>
    </message>
    <message>
        <source>New Archive</source>
        <translation>New Archive</translation>
    </message>
    <message>
        <source>nnzip archives (*.nnz)</source>
        <translation>nnzip archives (*.nnz)</translation>
    </message>
    <message>
        <source>&amp;Archive:</source>
        <translation>&amp;Archive:</translation>
    </message>
    <message>
        <source>&amp;Compression:</source>
        <translation>&amp;Compression:</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>C&amp;reate</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>archive</translation>
    </message>
    <message>
        <source>&amp;Encrypt with a password (contents and names)</source>
        <translation>&amp;Encrypt with a password (contents and names)</translation>
    </message>
    <message>
        <source>This nnzip was built without encryption (libsodium).</source>
        <translation>This nnzip was built without encryption (libsodium).</translation>
    </message>
    <message>
        <source>Add a recovery &amp;record of</source>
        <translation>Add a recovery &amp;record of</translation>
    </message>
    <message>
        <source>Parity data with which Repair Archive rebuilds damaged parts of the archive exactly, up to about this share of its size</source>
        <translation>Parity data with which Repair Archive rebuilds damaged parts of the archive exactly, up to about this share of its size</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Split into volumes of</source>
        <translation>&amp;Split into volumes of</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Delete the files once they are in the archive</source>
        <translation>&amp;Delete the files once they are in the archive</translation>
    </message>
    <message>
        <source>Moves them into the archive: each file&apos;s content is verified in the finished archive first, and a file that changed meanwhile is kept.</source>
        <translation>Moves them into the archive: each file&apos;s content is verified in the finished archive first, and a file that changed meanwhile is kept.</translation>
    </message>
    <message>
        <source>Not while Settings store what symbolic links point to: the files they lead to would be deleted.</source>
        <translation>Not while Settings store what symbolic links point to: the files they lead to would be deleted.</translation>
    </message>
    <message>
        <source>&amp;Test the archive before keeping it</source>
        <translation>&amp;Test the archive before keeping it</translation>
    </message>
    <message>
        <source>It is decoded and every checksum verified before it replaces anything; one that fails is not kept. It takes about as long again.</source>
        <translation>It is decoded and every checksum verified before it replaces anything; one that fails is not kept. It takes about as long again.</translation>
    </message>
    <message>
        <source>NAME.nnz.001, NAME.nnz.002, ...: for media, mail or upload limits. nnzip reads and changes them as one archive.</source>
        <translation>NAME.nnz.001, NAME.nnz.002, ...: for media, mail or upload limits. nnzip reads and changes them as one archive.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
</context>
<context>
    <name>nnz::ui::NotificationBar</name>
    <message>
        <source>Open &amp;folder</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>nnz::ui::OverwriteBox</name>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>Never overwrite</source>
        <translation>Never overwrite</translation>
    </message>
    <message>
        <source>Always overwrite</source>
        <translation>Always overwrite</translation>
    </message>
    <message>
        <source>Keep existing files, extract the rest</source>
        <translation>Keep existing files, extract the rest</translation>
    </message>
    <message>
        <source>Replace older files, keep newer ones</source>
        <translation>Replace older files, keep newer ones</translation>
    </message>
    <message>
        <source>Keep both: extract under new names (a (2).txt)</source>
        <translation>Keep both: extract under new names (a (2).txt)</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PasswordDialog</name>
    <message>
        <source>Set Password</source>
        <translation>Set Password</translation>
    </message>
    <message>
        <source>Choose a new password for %1, or remove its password.</source>
        <translation>Choose a new password for %1, or remove its password.</translation>
    </message>
    <message>
        <source>Encrypt %1 with a password: its contents and names.</source>
        <translation>Encrypt %1 with a password: its contents and names.</translation>
    </message>
    <message>
        <source>Nothing is compressed again: this takes about as long as copying the archive.</source>
        <translation>Nothing is compressed again: this takes about as long as copying the archive.</translation>
    </message>
    <message>
        <source>&amp;Remove the password (store the archive unencrypted)</source>
        <translation>&amp;Remove the password (store the archive unencrypted)</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PasswordFields</name>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>Re&amp;peat password:</translation>
    </message>
    <message>
        <source>Choose a password. Without it the archive cannot be opened: it is not stored anywhere.</source>
        <translation>Choose a password. Without it the archive cannot be opened: it is not stored anywhere.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PreviewDialog</name>
    <message>
        <source>Preview — %1</source>
        <translation>Preview — %1</translation>
    </message>
    <message>
        <source>&amp;Wrap long lines</source>
        <translation>&amp;Wrap long lines</translation>
    </message>
    <message>
        <source>&amp;Open with Default Application</source>
        <translation>&amp;Open with Default Application</translation>
    </message>
    <message>
        <source>Text (%1)</source>
        <translation>Text (%1)</translation>
    </message>
    <message>
        <source>Picture (%1, %2 × %3 pixels)</source>
        <translation>Picture (%1, %2 × %3 pixels)</translation>
    </message>
    <message>
        <source>Binary data, shown in hexadecimal</source>
        <translation>Binary data, shown in hexadecimal</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The first %1 are shown; Open with Default Application shows it all.</source>
        <translation>The first %1 are shown; Open with Default Application shows it all.</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>Enter: next, Shift+Enter: previous</source>
        <translation>Enter: next, Shift+Enter: previous</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
</context>
<context>
    <name>nnz::ui::ProgressPanel</name>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <source>Clo&amp;se</source>
        <translation>Clo&amp;se</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>In %1 of %2 · out %3</source>
        <translation>In %1 of %2 · out %3</translation>
    </message>
    <message>
        <source>%1 of %2 decoded · from %3</source>
        <translation>%1 of %2 decoded · from %3</translation>
    </message>
    <message>
        <source>%1/s · took %2</source>
        <translation>%1/s · took %2</translation>
    </message>
    <message>
        <source>%1/s · ETA %2</source>
        <translation>%1/s · ETA %2</translation>
    </message>
    <message>
        <source>%1 bpb overall · %2 current</source>
        <translation>%1 bpb overall · %2 current</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Nothing was left behind.</source>
        <translation>Nothing was left behind.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <source>Decoding old block %1 of %2: %3%</source>
        <translation>Decoding old block %1 of %2: %3%</translation>
    </message>
    <message>
        <source>Verifying before deleting the files: %1%</source>
        <translation>Verifying before deleting the files: %1%</translation>
    </message>
    <message>
        <source>Testing the archive before keeping it: %1%</source>
        <translation>Testing the archive before keeping it: %1%</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PropertiesDialog</name>
    <message>
        <source>Properties — %1</source>
        <translation>Properties — %1</translation>
    </message>
    <message>
        <source>Archive:</source>
        <translation>Archive:</translation>
    </message>
    <message>
        <source>File size:</source>
        <translation>File size:</translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation>Entries:</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <source>Packed:</source>
        <translation>Packed:</translation>
    </message>
    <message>
        <source>%1 (%2 bits per byte)</source>
        <translation>%1 (%2 bits per byte)</translation>
    </message>
    <message>
        <source>Blocks:</source>
        <translation>Blocks:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation>Modified:</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Entry:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Symbolic link to %1</source>
        <translation>Symbolic link to %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>Bits per byte:</source>
        <translation>Bits per byte:</translation>
    </message>
    <message>
        <source>Checksum (XXH64):</source>
        <translation>Checksum (XXH64):</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Permissions:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>%1 (read-only; Archive ▸ Convert to .nnz makes an .nnz of it)</source>
        <translation>%1 (read-only; Archive ▸ Convert to .nnz makes an .nnz of it)</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Encryption:</translation>
    </message>
    <message>
        <source>XChaCha20-Poly1305, contents and names; key from the password by Argon2id</source>
        <translation>XChaCha20-Poly1305, contents and names; key from the password by Argon2id</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Recovery record:</source>
        <translation>Recovery record:</translation>
    </message>
    <message>
        <source>%1% of the archive: Repair Archive rebuilds up to about that much damage</source>
        <translation>%1% of the archive: Repair Archive rebuilds up to about that much damage</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n volume(s)</source>
        <translation>
            <numerusform>%1 in %n volume</numerusform>
            <numerusform>%1 in %n volumes</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder (implied by the names in it)</source>
        <translation>Folder (implied by the names in it)</translation>
    </message>
    <message>
        <source>Contains:</source>
        <translation>Contains:</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>File, a hard link to %1</source>
        <translation>File, a hard link to %1</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>Access control list:</source>
        <translation>Access control list:</translation>
    </message>
    <message>
        <source>Extended attributes:</source>
        <translation>Extended attributes:</translation>
    </message>
    <message>
        <source>an earlier version&apos;s model</source>
        <translation>an earlier version&apos;s model</translation>
    </message>
    <message>
        <source>Made with:</source>
        <translation>Made with:</translation>
    </message>
</context>
<context>
    <name>nnz::ui::SettingsDialog</name>
    <message>
        <source>nnzip Settings</source>
        <translation>nnzip Settings</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>This build or machine has no CUDA support</source>
        <translation>This build or machine has no CUDA support</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>All cores (%1)</translation>
    </message>
    <message>
        <source>Next to the archive</source>
        <translation>Next to the archive</translation>
    </message>
    <message>
        <source>Default Extraction Folder</source>
        <translation>Default Extraction Folder</translation>
    </message>
    <message>
        <source>Default &amp;preset:</source>
        <translation>Default &amp;preset:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Device:</translation>
    </message>
    <message>
        <source>Worker &amp;threads:</source>
        <translation>Worker &amp;threads:</translation>
    </message>
    <message>
        <source>&amp;Extract to:</source>
        <translation>&amp;Extract to:</translation>
    </message>
    <message>
        <source>Existing &amp;files:</source>
        <translation>Existing &amp;files:</translation>
    </message>
    <message>
        <source>Nothing, for example .git; *.o; node_modules</source>
        <translation>Nothing, for example .git; *.o; node_modules</translation>
    </message>
    <message>
        <source>Names to leave out of new archives and added files, separated by &apos;;&apos;. A pattern without &apos;/&apos; is tried on every name (a folder goes with everything in it); one with &apos;/&apos; on the path from the top. * and ? stand for any characters or one.</source>
        <translation>Names to leave out of new archives and added files, separated by &apos;;&apos;. A pattern without &apos;/&apos; is tried on every name (a folder goes with everything in it); one with &apos;/&apos; on the path from the top. * and ? stand for any characters or one.</translation>
    </message>
    <message>
        <source>Leave &amp;out:</source>
        <translation>Leave &amp;out:</translation>
    </message>
    <message>
        <source>Leave out files that cannot be read, with a warning</source>
        <translation>Leave out files that cannot be read, with a warning</translation>
    </message>
    <message>
        <source>Files without read permission, and names an archive cannot hold (not UTF-8). Unticked, such a file stops the job and no archive is written.</source>
        <translation>Files without read permission, and names an archive cannot hold (not UTF-8). Unticked, such a file stops the job and no archive is written.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Parity data added to new archives, in percent of their size. With it, Repair Archive rebuilds damaged parts exactly: up to about that share of the archive.</source>
        <translation>Parity data added to new archives, in percent of their size. With it, Repair Archive rebuilds damaged parts exactly: up to about that share of the archive.</translation>
    </message>
    <message>
        <source>&amp;Recovery record:</source>
        <translation>&amp;Recovery record:</translation>
    </message>
    <message>
        <source>Store what symbolic links point to, not the links</source>
        <translation>Store what symbolic links point to, not the links</translation>
    </message>
    <message>
        <source>A linked file is stored with its content, a linked folder with everything in it, under the link&apos;s name (nnzip a -L). Unticked, links are stored as links.</source>
        <translation>A linked file is stored with its content, a linked folder with everything in it, under the link&apos;s name (nnzip a -L). Unticked, links are stored as links.</translation>
    </message>
    <message>
        <source>Leave out version control folders (.git, .svn, .hg, CVS…)</source>
        <translation>Leave out version control folders (.git, .svn, .hg, CVS…)</translation>
    </message>
    <message>
        <source>The folders and files version control keeps, anywhere in the tree (nnzip a --exclude-vcs).</source>
        <translation>The folders and files version control keeps, anywhere in the tree (nnzip a --exclude-vcs).</translation>
    </message>
    <message>
        <source>Leave out what cache folders hold (tagged with CACHEDIR.TAG)</source>
        <translation>Leave out what cache folders hold (tagged with CACHEDIR.TAG)</translation>
    </message>
    <message>
        <source>A folder holding a CACHEDIR.TAG is stored with that file only: caches can be made again (nnzip a --exclude-caches).</source>
        <translation>A folder holding a CACHEDIR.TAG is stored with that file only: caches can be made again (nnzip a --exclude-caches).</translation>
    </message>
    <message>
        <source>Test archives before keeping them</source>
        <translation>Test archives before keeping them</translation>
    </message>
    <message>
        <source>A new or changed archive is decoded and every checksum verified before it replaces anything; one that fails is not kept (nnzip a --test). It takes about as long again.</source>
        <translation>A new or changed archive is decoded and every checksum verified before it replaces anything; one that fails is not kept (nnzip a --test). It takes about as long again.</translation>
    </message>
    <message>
        <source>Stay on one file system (leave out what is mounted inside)</source>
        <translation>Stay on one file system (leave out what is mounted inside)</translation>
    </message>
    <message>
        <source>A folder on which another disk, a network share or /proc is mounted is stored empty (nnzip a --one-file-system).</source>
        <translation>A folder on which another disk, a network share or /proc is mounted is stored empty (nnzip a --one-file-system).</translation>
    </message>
    <message>
        <source>The character set of file names that are not UTF-8 in zips, tars and other archives made elsewhere (nnzip --name-charset). Automatic reads a zip&apos;s as Windows writes them (code page 437).</source>
        <translation>The character set of file names that are not UTF-8 in zips, tars and other archives made elsewhere (nnzip --name-charset). Automatic reads a zip&apos;s as Windows writes them (code page 437).</translation>
    </message>
    <message>
        <source>Japanese (CP932, Shift JIS)</source>
        <translation>Japanese (CP932, Shift JIS)</translation>
    </message>
    <message>
        <source>Chinese, simplified (CP936, GBK)</source>
        <translation>Chinese, simplified (CP936, GBK)</translation>
    </message>
    <message>
        <source>Chinese, traditional (CP950, Big5)</source>
        <translation>Chinese, traditional (CP950, Big5)</translation>
    </message>
    <message>
        <source>Korean (CP949)</source>
        <translation>Korean (CP949)</translation>
    </message>
    <message>
        <source>Cyrillic, DOS (CP866)</source>
        <translation>Cyrillic, DOS (CP866)</translation>
    </message>
    <message>
        <source>Cyrillic, Windows (CP1251)</source>
        <translation>Cyrillic, Windows (CP1251)</translation>
    </message>
    <message>
        <source>Western European, DOS (CP850)</source>
        <translation>Western European, DOS (CP850)</translation>
    </message>
    <message>
        <source>Western European, Windows (CP1252)</source>
        <translation>Western European, Windows (CP1252)</translation>
    </message>
    <message>
        <source>Central European (ISO-8859-2)</source>
        <translation>Central European (ISO-8859-2)</translation>
    </message>
    <message>
        <source>Central European, Windows (CP1250)</source>
        <translation>Central European, Windows (CP1250)</translation>
    </message>
    <message>
        <source>Greek (ISO-8859-7)</source>
        <translation>Greek (ISO-8859-7)</translation>
    </message>
    <message>
        <source>&amp;Names in other archives:</source>
        <translation>&amp;Names in other archives:</translation>
    </message>
    <message>
        <source>Leave out what folders marked with a .nobackup file hold</source>
        <translation>Leave out what folders marked with a .nobackup file hold</translation>
    </message>
    <message>
        <source>A folder holding a file named .nobackup is stored with that file only (nnzip a --exclude-tag .nobackup).</source>
        <translation>A folder holding a file named .nobackup is stored with that file only (nnzip a --exclude-tag .nobackup).</translation>
    </message>
    <message>
        <source>Extract to</source>
        <translation>Extract to</translation>
    </message>
</context>
<context>
    <name>nnz::ui::TrayNotifier</name>
    <message>
        <source>Click to open the folder.</source>
        <translation>Click to open the folder.</translation>
    </message>
</context>
<context>
    <name>nnzip-gui</name>
    <message>
        <source>Neural-network archiver</source>
        <translation>Neural-network archiver</translation>
    </message>
    <message>
        <source>Extract each ARCHIVE into DIR.</source>
        <translation>Extract each ARCHIVE into DIR.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Create ARCHIVE from the given paths.</source>
        <translation>Create ARCHIVE from the given paths.</translation>
    </message>
    <message>
        <source>ARCHIVE</source>
        <translation>ARCHIVE</translation>
    </message>
    <message>
        <source>Archive to open.</source>
        <translation>Archive to open.</translation>
    </message>
    <message>
        <source>[ARCHIVE | PATH...]</source>
        <translation>[ARCHIVE | PATH...]</translation>
    </message>
    <message>
        <source>use only one of --extract-here, --extract-to and --compress-to</source>
        <translation>use only one of --extract-here, --extract-to and --compress-to</translation>
    </message>
    <message>
        <source>nothing to do: give ARCHIVE or PATH arguments</source>
        <translation>nothing to do: give ARCHIVE or PATH arguments</translation>
    </message>
    <message>
        <source>With --compress-to: ask for a password and encrypt the archive.</source>
        <translation>With --compress-to: ask for a password and encrypt the archive.</translation>
    </message>
    <message>
        <source>--encrypt goes with --compress-to</source>
        <translation>--encrypt goes with --compress-to</translation>
    </message>
    <message>
        <source>Extract each ARCHIVE next to it: the one folder it holds as that folder, anything else into a folder named after it.</source>
        <translation>Extract each ARCHIVE next to it: the one folder it holds as that folder, anything else into a folder named after it.</translation>
    </message>
</context>
</TS>
