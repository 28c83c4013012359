<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ExistingFiles</name>
    <message>
        <source>%1 already existed and was kept as it was</source>
        <translation>%1 war schon vorhanden und blieb, wie es war</translation>
    </message>
    <message numerus="yes">
        <source>%n existing files were kept as they were (%1, ...)</source>
        <translation>
            <numerusform>%n vorhandene Datei blieb, wie sie war (%1, ...)</numerusform>
            <numerusform>%n vorhandene Dateien blieben, wie sie waren (%1, ...)</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Keep Existing</source>
        <translation>Vorhandene behalten</translation>
    </message>
    <message>
        <source>could not give one entry all of its recorded owner, extended attributes and access control list: %1</source>
        <translation>konnte einem Eintrag nicht alles Aufgezeichnete zurückgeben (Eigentümer, erweiterte Attribute, Zugriffssteuerungsliste): %1</translation>
    </message>
    <message numerus="yes">
        <source>could not give %n entries all of their recorded owner, extended attributes and access control list: %1, ...</source>
        <translation>
            <numerusform>konnte %n Eintrag nicht alles Aufgezeichnete zurückgeben (Eigentümer, erweiterte Attribute, Zugriffssteuerungsliste): %1, ...</numerusform>
            <numerusform>konnte %n Einträgen nicht alles Aufgezeichnete zurückgeben (Eigentümer, erweiterte Attribute, Zugriffssteuerungsliste): %1, ...</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>Beide behalten</translation>
    </message>
    <message>
        <source>%1 already existed: the archive&apos;s was extracted as %2</source>
        <translation>%1 war schon vorhanden: die Datei des Archivs wurde als %2 entpackt</translation>
    </message>
    <message numerus="yes">
        <source>%n files already existed: the archive&apos;s were extracted under new names (%1 as %2, ...)</source>
        <translation>
            <numerusform>%n Datei war schon vorhanden: die des Archivs wurde unter neuem Namen entpackt (%1 als %2, ...)</numerusform>
            <numerusform>%n Dateien waren schon vorhanden: die des Archivs wurden unter neuen Namen entpackt (%1 als %2, ...)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutsideLinksQuestion</name>
    <message>
        <source>Links Outside the Folder</source>
        <translation>Verknüpfungen außerhalb des Ordners</translation>
    </message>
    <message>
        <source>%1 holds symbolic links that point outside %2, such as %3 → %4.</source>
        <translation>%1 enthält symbolische Verknüpfungen, die aus %2 hinausführen, etwa %3 → %4.</translation>
    </message>
    <message>
        <source>There are %1 of them.</source>
        <translation>Es sind %1.</translation>
    </message>
    <message>
        <source>Create them as they are, or extract everything else without them? Nothing is ever written through a link.</source>
        <translation>Sollen sie so angelegt werden, wie sie sind, oder alles andere ohne sie entpackt werden? Durch eine Verknüpfung wird nie etwas geschrieben.</translation>
    </message>
    <message>
        <source>Create Links</source>
        <translation>Verknüpfungen anlegen</translation>
    </message>
    <message>
        <source>Leave Them Out</source>
        <translation>Weglassen</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Encrypt Archive</source>
        <translation>Archiv verschlüsseln</translation>
    </message>
    <message>
        <source>Choose a password for %1: its contents and names are encrypted.</source>
        <translation>Wählen Sie ein Passwort für %1: Inhalte und Namen werden verschlüsselt.</translation>
    </message>
</context>
<context>
    <name>PasswordQuestion</name>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>%1 is encrypted. Enter its password:</source>
        <translation>%1 ist verschlüsselt. Geben Sie das Passwort ein:</translation>
    </message>
    <message>
        <source>Wrong password for %1. Try again:</source>
        <translation>Falsches Passwort für %1. Erneut versuchen:</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
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
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Store (no compression)</source>
        <translation>Speichern (keine Kompression)</translation>
    </message>
    <message>
        <source>Fast (small network)</source>
        <translation>Schnell (kleines Netz)</translation>
    </message>
    <message>
        <source>Maximum (large network, slow)</source>
        <translation>Maximal (großes Netz, langsam)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Stored without compression</source>
        <translation>Ohne Kompression gespeichert</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>automatic device</source>
        <translation>Gerät automatisch</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n Thread</numerusform>
            <numerusform>%n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>GPU (64 lanes, for an NVIDIA GPU)</source>
        <translation>GPU (64 Spuren, für eine NVIDIA-GPU)</translation>
    </message>
    <message>
        <source> · leaving out %1</source>
        <translation> · ohne %1</translation>
    </message>
    <message>
        <source> · recovery record %1%</source>
        <translation> · Wiederherstellungsdatensatz %1 %</translation>
    </message>
    <message>
        <source> · volumes of %1 MiB</source>
        <translation> · Teile zu je %1 MiB</translation>
    </message>
    <message>
        <source> · volumes of %1</source>
        <translation> · Teile zu je %1</translation>
    </message>
    <message>
        <source> · deleting the files once archived</source>
        <translation> · löscht die Dateien nach dem Archivieren</translation>
    </message>
    <message>
        <source> · following symbolic links</source>
        <translation> · folgt symbolischen Verknüpfungen</translation>
    </message>
    <message>
        <source>version control</source>
        <translation>Versionsverwaltung</translation>
    </message>
    <message>
        <source>caches</source>
        <translation>Caches</translation>
    </message>
    <message>
        <source> · tested before it is kept</source>
        <translation> · vor dem Behalten geprüft</translation>
    </message>
    <message>
        <source>other file systems</source>
        <translation>andere Dateisysteme</translation>
    </message>
    <message>
        <source>folders with a %1</source>
        <translation>Ordner mit %1</translation>
    </message>
</context>
<context>
    <name>nnz::ui::BatchWindow</name>
    <message>
        <source>nnzip — working</source>
        <translation>nnzip — arbeitet</translation>
    </message>
    <message>
        <source>Nothing to Do</source>
        <translation>Nichts zu tun</translation>
    </message>
    <message>
        <source>No archive or file was given.</source>
        <translation>Es wurde weder ein Archiv noch eine Datei angegeben.</translation>
    </message>
    <message>
        <source>Extracting %1 to %2</source>
        <translation>%1 wird nach %2 entpackt</translation>
    </message>
    <message>
        <source>Replace Archive?</source>
        <translation>Archiv ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>%1 wird erstellt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) finished.</source>
        <translation>
            <numerusform>%n Auftrag abgeschlossen.</numerusform>
            <numerusform>%n Aufträge abgeschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Extracting %1 would replace files in %2 (%3 and maybe more). Replace them, keep them and extract the rest, or keep both (the archive&apos;s under new names, such as &quot;a (2).txt&quot;)?</source>
        <translation>Das Entpacken von %1 würde Dateien in %2 ersetzen (%3 und vielleicht weitere). Ersetzen, behalten und den Rest entpacken, oder beide behalten (die des Archivs unter neuen Namen wie „a (2).txt“)?</translation>
    </message>
</context>
<context>
    <name>nnz::ui::BpbChart</name>
    <message>
        <source>Bits per byte of each stretch of input, along the input</source>
        <translation>Bits pro Byte jedes Abschnitts der Eingabe, entlang der Eingabe</translation>
    </message>
    <message>
        <source>bits per byte</source>
        <translation>Bits pro Byte</translation>
    </message>
</context>
<context>
    <name>nnz::ui::EntriesModel</name>
    <message>
        <source>store</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>neural</source>
        <translation>neuronal</translation>
    </message>
    <message>
        <source>Symbolic link to %1</source>
        <translation>Symbolischer Link auf %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Gepackt</translation>
    </message>
    <message>
        <source>Bits/byte</source>
        <translation>Bits/Byte</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Checksum (XXH64)</source>
        <translation>Prüfsumme (XXH64)</translation>
    </message>
    <message>
        <source>Cannot be extracted or converted: %1</source>
        <translation>Kann nicht entpackt oder umgewandelt werden: %1</translation>
    </message>
    <message>
        <source>%1: the same content as %2, stored once</source>
        <translation>%1: derselbe Inhalt wie %2, nur einmal gespeichert</translation>
    </message>
    <message numerus="yes">
        <source> in %n folder(s)</source>
        <translation>
            <numerusform> in %n Ordner</numerusform>
            <numerusform> in %n Ordnern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n byte(s)</source>
        <translation>
            <numerusform>%1: %n Byte</numerusform>
            <numerusform>%1: %n Bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnz::ui::ExtractDialog</name>
    <message>
        <source>Extract</source>
        <translation>Entpacken</translation>
    </message>
    <message>
        <source>Extract To</source>
        <translation>Entpacken nach</translation>
    </message>
    <message>
        <source>Keep the folders above the selection (%1/)</source>
        <translation>Die Ordner über der Auswahl beibehalten (%1/)</translation>
    </message>
    <message>
        <source>Extract &amp;to:</source>
        <translation>&amp;Entpacken nach:</translation>
    </message>
    <message>
        <source>Existing &amp;files:</source>
        <translation>Vorhandene &amp;Dateien:</translation>
    </message>
    <message>
        <source>E&amp;xtract</source>
        <translation>E&amp;ntpacken</translation>
    </message>
    <message>
        <source>Extract to</source>
        <translation>Entpacken nach</translation>
    </message>
</context>
<context>
    <name>nnz::ui::Job</name>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Vor dem Start abgebrochen.</translation>
    </message>
</context>
<context>
    <name>nnz::ui::JobMessages</name>
    <message>
        <source>Cannot Create Archive</source>
        <translation>Archiv kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Could not create %1:
%2

No archive was written.</source>
        <translation>%1 konnte nicht erstellt werden:
%2

Es wurde kein Archiv geschrieben.</translation>
    </message>
    <message>
        <source>Cannot Add Files</source>
        <translation>Dateien können nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Could not add to %1:
%2

The archive was not changed.</source>
        <translation>Zu %1 konnte nichts hinzugefügt werden:
%2

Das Archiv wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot Extract</source>
        <translation>Entpacken nicht möglich</translation>
    </message>
    <message>
        <source>Could not extract from %1:
%2

Nothing was written.</source>
        <translation>Aus %1 konnte nicht entpackt werden:
%2

Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Could not extract from %1:
%2

No file was extracted.</source>
        <translation>Aus %1 konnte nicht entpackt werden:
%2

Es wurde keine Datei entpackt.</translation>
    </message>
    <message>
        <source>Could not extract from %1:
%2

Files extracted before the error were verified and kept; no partial file was left.</source>
        <translation>Aus %1 konnte nicht entpackt werden:
%2

Vor dem Fehler entpackte Dateien wurden geprüft und behalten; keine unvollständige Datei ist zurückgeblieben.</translation>
    </message>
    <message>
        <source>Test Failed</source>
        <translation>Test fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 is damaged:
%2

The archive was not changed.</source>
        <translation>%1 ist beschädigt:
%2

Das Archiv wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Could not test %1:
%2

The archive was not changed.</source>
        <translation>%1 konnte nicht getestet werden:
%2

Das Archiv wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Job Failed</source>
        <translation>Auftrag fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 failed:
%2

Nothing was changed.</source>
        <translation>%1 ist fehlgeschlagen:
%2

Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Archive created</source>
        <translation>Archiv erstellt</translation>
    </message>
    <message>
        <source>%1 is ready.</source>
        <translation>%1 ist fertig.</translation>
    </message>
    <message>
        <source>Files added</source>
        <translation>Dateien hinzugefügt</translation>
    </message>
    <message>
        <source>Extraction finished</source>
        <translation>Entpacken abgeschlossen</translation>
    </message>
    <message>
        <source>%1 was extracted to %2.</source>
        <translation>%1 wurde nach %2 entpackt.</translation>
    </message>
    <message>
        <source>Test passed</source>
        <translation>Test bestanden</translation>
    </message>
    <message>
        <source>%1: every entry decoded and every checksum matched.</source>
        <translation>%1: Alle Einträge dekodiert, alle Prüfsummen stimmen.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Die Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not open %1:
%2</source>
        <translation>%1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <source>The file was not changed.</source>
        <translation>Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot Open Archive</source>
        <translation>Archiv kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation>Löschen nicht möglich</translation>
    </message>
    <message>
        <source>Could not delete from %1:
%2

The archive was not changed.</source>
        <translation>Aus %1 konnte nicht gelöscht werden:
%2

Das Archiv wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Entries deleted</source>
        <translation>Einträge gelöscht</translation>
    </message>
    <message>
        <source>Cannot Rename</source>
        <translation>Umbenennen nicht möglich</translation>
    </message>
    <message>
        <source>Could not rename in %1:
%2

The archive was not changed.</source>
        <translation>In %1 konnte nicht umbenannt werden:
%2

Das Archiv wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Entry renamed</source>
        <translation>Eintrag umbenannt</translation>
    </message>
    <message>
        <source>Cannot Set Password</source>
        <translation>Passwort nicht gesetzt</translation>
    </message>
    <message>
        <source>Could not change the password of %1:
%2

The archive was not changed.</source>
        <translation>Das Passwort von %1 konnte nicht geändert werden:
%2

Das Archiv wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>Passwort gesetzt</translation>
    </message>
    <message>
        <source>Could not extract all of %1:
%2

Every file that could be read was extracted and verified; no partial file was left.</source>
        <translation>%1 konnte nicht vollständig entpackt werden:
%2

Jede lesbare Datei wurde entpackt und geprüft; keine unvollständige Datei ist zurückgeblieben.</translation>
    </message>
    <message>
        <source>The file is damaged or is not an nnzip archive. File ▸ Repair Archive… recovers what a damaged one still holds.</source>
        <translation>Die Datei ist beschädigt oder kein nnzip-Archiv. Datei ▸ Archiv reparieren… rettet, was ein beschädigtes noch enthält.</translation>
    </message>
    <message>
        <source>Cannot Change Recovery Record</source>
        <translation>Wiederherstellungsdatensatz kann nicht geändert werden</translation>
    </message>
    <message>
        <source>Could not change the recovery record of %1:
%2

The archive was not changed.</source>
        <translation>Der Wiederherstellungsdatensatz von %1 konnte nicht geändert werden:
%2

Das Archiv wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Recovery record changed</source>
        <translation>Wiederherstellungsdatensatz geändert</translation>
    </message>
    <message>
        <source>%1: every entry decoded and every checksum matched; its recovery record is intact.</source>
        <translation>%1: Alle Einträge dekodiert, alle Prüfsummen stimmen; der Wiederherstellungsdatensatz ist intakt.</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Could not export %1:
%2

No file was written.</source>
        <translation>%1 konnte nicht exportiert werden:
%2

Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Archive exported</source>
        <translation>Archiv exportiert</translation>
    </message>
    <message>
        <source>%1 was written.</source>
        <translation>%1 wurde geschrieben.</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <source>Could not compare %1 with the files on disk:
%2

Nothing was changed.</source>
        <translation>%1 konnte nicht mit den Dateien auf der Festplatte verglichen werden:
%2

Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Files match</source>
        <translation>Dateien stimmen überein</translation>
    </message>
    <message>
        <source>The files in %1 are as %2 holds them.</source>
        <translation>Die Dateien in %1 sind so, wie %2 sie enthält.</translation>
    </message>
    <message>
        <source>Files differ</source>
        <translation>Dateien weichen ab</translation>
    </message>
    <message numerus="yes">
        <source>%n entries of %1 differ from the files in %2.</source>
        <translation>
            <numerusform>%n Eintrag von %1 weicht von den Dateien in %2 ab.</numerusform>
            <numerusform>%n Einträge von %1 weichen von den Dateien in %2 ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the selected entries decoded and their checksums matched.</source>
        <translation>%1: Die gewählten Einträge dekodiert, ihre Prüfsummen stimmen.</translation>
    </message>
</context>
<context>
    <name>nnz::ui::JobRunner</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
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
        <translation>Nach Name filtern…</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>Create a new archive from files</source>
        <translation>Ein neues Archiv aus Dateien erstellen</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Close Archive</source>
        <translation>Archiv s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>Dateien &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Extract</source>
        <translation>&amp;Entpacken</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Extract the selection (or everything) to the default folder</source>
        <translation>Die Auswahl (oder alles) in den Standardordner entpacken</translation>
    </message>
    <message>
        <source>Extract &amp;To…</source>
        <translation>Entpacken &amp;nach…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Open with &amp;Default Application</source>
        <translation>Mit &amp;Standardanwendung öffnen</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Decode everything and verify every checksum</source>
        <translation>Alles dekodieren und jede Prüfsumme prüfen</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>&amp;Eigenschaften</translation>
    </message>
    <message>
        <source>Alt+Return</source>
        <translation>Alt+Return</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiv</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>E&amp;instellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About nnzip</source>
        <translation>&amp;Über nnzip</translation>
    </message>
    <message>
        <source>About nnzip</source>
        <translation>Über nnzip</translation>
    </message>
    <message>
        <source>&lt;b&gt;nnzip %1&lt;/b&gt;&lt;p&gt;An archiver whose compression engine is a neural network trained online while it codes, with exact integer arithmetic so every archive decodes bit-exactly everywhere.&lt;/p&gt;</source>
        <translation>&lt;b&gt;nnzip %1&lt;/b&gt;&lt;p&gt;Ein Archivprogramm, dessen Kompression ein neuronales Netz ist, das beim Kodieren online lernt – mit exakter Ganzzahlarithmetik, sodass jedes Archiv überall bitgenau dekodiert wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message numerus="yes">
        <source>%n entries · %1 → %2</source>
        <translation>
            <numerusform>%n Eintrag · %1 → %2</numerusform>
            <numerusform>%n Einträge · %1 → %2</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 bpb</source>
        <translation> · %1 Bits/Byte</translation>
    </message>
    <message>
        <source>%1 — nnzip</source>
        <translation>%1 — nnzip</translation>
    </message>
    <message>
        <source>Replace Archive?</source>
        <translation>Archiv ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>%1 wird erstellt</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n item(s) to %1</source>
        <translation>
            <numerusform>%n Element wird zu %1 hinzugefügt</numerusform>
            <numerusform>%n Elemente werden zu %1 hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>Extracting %1 to %2</source>
        <translation>%1 wird nach %2 entpackt</translation>
    </message>
    <message>
        <source>Testing %1</source>
        <translation>%1 wird getestet</translation>
    </message>
    <message>
        <source>%1: cancelled; nothing was left behind.</source>
        <translation>%1: abgebrochen; nichts ist zurückgeblieben.</translation>
    </message>
    <message>
        <source>Cannot Drag</source>
        <translation>Ziehen nicht möglich</translation>
    </message>
    <message>
        <source>Could not create a temporary folder.</source>
        <translation>Es konnte kein temporärer Ordner erstellt werden.</translation>
    </message>
    <message>
        <source>Could not extract the selection:
%1</source>
        <translation>Die Auswahl konnte nicht entpackt werden:
%1</translation>
    </message>
    <message>
        <source>Jobs Running</source>
        <translation>Aufträge laufen</translation>
    </message>
    <message>
        <source>Jobs are still running. Cancel them and quit?</source>
        <translation>Es laufen noch Aufträge. Abbrechen und beenden?</translation>
    </message>
    <message>
        <source>Files for the New Archive</source>
        <translation>Dateien für das neue Archiv</translation>
    </message>
    <message>
        <source>Open Archive</source>
        <translation>Archiv öffnen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Add Files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Cannot Open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
    <message>
        <source>No application is set up to open %1.

It was extracted to %2.</source>
        <translation>Keine Anwendung ist zum Öffnen von %1 eingerichtet.

Die Datei wurde nach %2 entpackt.</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Drop files or folders here to create an archive,&lt;/p&gt;&lt;p&gt;or drop an archive (&lt;b&gt;.nnz&lt;/b&gt;, zip, tar, 7z…) to open it (File ▸ Open, Ctrl+O).&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;Dateien oder Ordner hier ablegen, um ein Archiv zu erstellen,&lt;/p&gt;&lt;p&gt;oder ein Archiv (&lt;b&gt;.nnz&lt;/b&gt;, zip, tar, 7z…) ablegen, um es zu öffnen (Datei ▸ Öffnen, Strg+O).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Convert to .nnz…</source>
        <translation>In .nnz &amp;umwandeln…</translation>
    </message>
    <message>
        <source>Convert to .nnz</source>
        <translation>In .nnz umwandeln</translation>
    </message>
    <message>
        <source>Write the entries of this archive into a new .nnz archive</source>
        <translation>Die Einträge dieses Archivs in ein neues .nnz-Archiv schreiben</translation>
    </message>
    <message numerus="yes">
        <source>%n entries · %1 · %2 archive, read-only</source>
        <translation>
            <numerusform>%n Eintrag · %1 · %2-Archiv, schreibgeschützt</numerusform>
            <numerusform>%n Einträge · %1 · %2-Archiv, schreibgeschützt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (read-only) — nnzip</source>
        <translation>%1 (schreibgeschützt) — nnzip</translation>
    </message>
    <message>
        <source>Read-Only Archive</source>
        <translation>Schreibgeschütztes Archiv</translation>
    </message>
    <message>
        <source>%1 is a %2 archive, which nnzip only reads. Convert it to .nnz first (Archive ▸ Convert to .nnz).</source>
        <translation>%1 ist ein %2-Archiv, das nnzip nur liest. Wandeln Sie es zuerst in .nnz um (Archiv ▸ In .nnz umwandeln).</translation>
    </message>
    <message>
        <source>Converting %1 to %2</source>
        <translation>%1 wird in %2 umgewandelt</translation>
    </message>
    <message>
        <source>nnzip archives (*.nnz)</source>
        <translation>nnzip-Archive (*.nnz)</translation>
    </message>
    <message>
        <source>%1 is ready: %2</source>
        <translation>%1 ist fertig: %2</translation>
    </message>
    <message>
        <source>&amp;Delete from Archive</source>
        <translation>Aus Archiv &amp;löschen</translation>
    </message>
    <message>
        <source>Remove the selected entries from the archive</source>
        <translation>Die ausgewählten Einträge aus dem Archiv entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete from Archive?</source>
        <translation>Aus dem Archiv löschen?</translation>
    </message>
    <message>
        <source>Delete %1 from %2? This cannot be undone.</source>
        <translation>%1 aus %2 löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n item(s) from %1</source>
        <translation>
            <numerusform>%n Element wird aus %1 gelöscht</numerusform>
            <numerusform>%n Elemente werden aus %1 gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Give the selected entry another name (a folder moves with everything in it)</source>
        <translation>Dem gewählten Eintrag einen anderen Namen geben (ein Ordner zieht mit seinem ganzen Inhalt um)</translation>
    </message>
    <message>
        <source>Renaming %1 to %2</source>
        <translation>%1 wird in %2 umbenannt</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>New name for %1 (with / for folders):</source>
        <translation>Neuer Name für %1 (mit / für Ordner):</translation>
    </message>
    <message>
        <source>The selection holds only symbolic links that lead outside it; dragging leaves such links out.</source>
        <translation>Die Auswahl enthält nur symbolische Verknüpfungen, die aus ihr hinausführen; beim Ziehen werden solche Verknüpfungen weggelassen.</translation>
    </message>
    <message>
        <source>%1 (encrypted) — nnzip</source>
        <translation>%1 (verschlüsselt) — nnzip</translation>
    </message>
    <message>
        <source>Set &amp;Password…</source>
        <translation>&amp;Passwort festlegen…</translation>
    </message>
    <message>
        <source>Encrypt the archive with a password, change its password or remove it</source>
        <translation>Das Archiv mit einem Passwort verschlüsseln, sein Passwort ändern oder entfernen</translation>
    </message>
    <message>
        <source>Removing the password of %1</source>
        <translation>Passwort von %1 wird entfernt</translation>
    </message>
    <message>
        <source>Setting the password of %1</source>
        <translation>Passwort von %1 wird gesetzt</translation>
    </message>
    <message>
        <source> · encrypted</source>
        <translation> · verschlüsselt</translation>
    </message>
    <message>
        <source>&amp;Repair Archive…</source>
        <translation>Archiv &amp;reparieren…</translation>
    </message>
    <message>
        <source>Recover what a damaged or cut-off archive still holds into a new archive</source>
        <translation>Was ein beschädigtes oder abgeschnittenes Archiv noch enthält, in ein neues Archiv retten</translation>
    </message>
    <message>
        <source>%1 (repaired)</source>
        <translation>%1 (repariert)</translation>
    </message>
    <message>
        <source>%1 (repaired %2)</source>
        <translation>%1 (repariert %2)</translation>
    </message>
    <message>
        <source>Repairing %1</source>
        <translation>%1 wird repariert</translation>
    </message>
    <message numerus="yes">
        <source>%n entries recovered</source>
        <translation>
            <numerusform>%n Eintrag wiederhergestellt</numerusform>
            <numerusform>%n Einträge wiederhergestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n lost (%1 ...)</source>
        <translation>
            <numerusform>; %n verloren (%1 …)</numerusform>
            <numerusform>; %n verloren (%1 …)</numerusform>
        </translation>
    </message>
    <message>
        <source>Repair Archive</source>
        <translation>Archiv reparieren</translation>
    </message>
    <message>
        <source>nnzip archives (*.nnz);;All files (*)</source>
        <translation>nnzip-Archive (*.nnz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Recovery Re&amp;cord…</source>
        <translation>&amp;Wiederherstellungsdatensatz…</translation>
    </message>
    <message>
        <source>Add, change or remove the parity data with which Repair Archive rebuilds damaged parts</source>
        <translation>Paritätsdaten hinzufügen, ändern oder entfernen, mit denen „Archiv reparieren“ beschädigte Teile wiederherstellt</translation>
    </message>
    <message>
        <source> · recovery record %1%</source>
        <translation> · Wiederherstellungsdatensatz %1 %</translation>
    </message>
    <message>
        <source>Removing the recovery record of %1</source>
        <translation>Wiederherstellungsdatensatz von %1 wird entfernt</translation>
    </message>
    <message>
        <source>Adding a recovery record of %1% to %2</source>
        <translation>%2 erhält einen Wiederherstellungsdatensatz von %1 %</translation>
    </message>
    <message>
        <source>Recovery Record</source>
        <translation>Wiederherstellungsdatensatz</translation>
    </message>
    <message>
        <source>Recovery record of %1, in percent of its size (0 removes it).
With it, Repair Archive rebuilds damaged parts exactly, up to about that share of the archive:</source>
        <translation>Wiederherstellungsdatensatz von %1, in Prozent seiner Größe (0 entfernt ihn).
Mit ihm stellt „Archiv reparieren“ beschädigte Teile exakt wieder her, bis etwa zu diesem Anteil des Archivs:</translation>
    </message>
    <message>
        <source>nothing was damaged</source>
        <translation>nichts war beschädigt</translation>
    </message>
    <message>
        <source>restored from its recovery record (%1 rebuilt)</source>
        <translation>aus seinem Wiederherstellungsdatensatz wiederhergestellt (%1 neu aufgebaut)</translation>
    </message>
    <message>
        <source>its damaged recovery record was written anew</source>
        <translation>sein beschädigter Wiederherstellungsdatensatz wurde neu geschrieben</translation>
    </message>
    <message>
        <source>%1 has a recovery record: File ▸ Repair Archive… rebuilds it as it was made.</source>
        <translation>%1 hat einen Wiederherstellungsdatensatz: Datei ▸ Archiv reparieren… stellt es wieder her, wie es erstellt wurde.</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n item(s) to %1 in %2</source>
        <translation>
            <numerusform>%n Element wird zu %1 in %2 hinzugefügt</numerusform>
            <numerusform>%n Elemente werden zu %1 in %2 hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop to add to %1</source>
        <translation>Ablegen fügt zu %1 hinzu</translation>
    </message>
    <message>
        <source>Drop to add to %1 in %2</source>
        <translation>Ablegen fügt zu %1 in %2 hinzu</translation>
    </message>
    <message>
        <source>Add Files to %1</source>
        <translation>Dateien zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add Folder to %1</source>
        <translation>Ordner zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>Update Archive?</source>
        <translation>Archiv aktualisieren?</translation>
    </message>
    <message>
        <source>%1 was changed in another application. Put the changed file into %2?</source>
        <translation>%1 wurde in einer anderen Anwendung geändert. Die geänderte Datei in %2 übernehmen?</translation>
    </message>
    <message>
        <source>E&amp;xport As…</source>
        <translation>E&amp;xportieren als…</translation>
    </message>
    <message>
        <source>Write the entries of this archive as a zip, 7z or tar for people without nnzip</source>
        <translation>Die Einträge dieses Archivs als zip, 7z oder tar schreiben, für alle ohne nnzip</translation>
    </message>
    <message>
        <source>Exporting %1 as %2</source>
        <translation>%1 wird als %2 exportiert</translation>
    </message>
    <message>
        <source>%1, encrypted with the archive&apos;s password</source>
        <translation>%1, mit dem Passwort des Archivs verschlüsselt</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip-Archive (*.zip)</translation>
    </message>
    <message>
        <source>7-Zip archives (*.7z)</source>
        <translation>7-Zip-Archive (*.7z)</translation>
    </message>
    <message>
        <source>Tar archives, xz (*.tar.xz)</source>
        <translation>Tar-Archive, xz (*.tar.xz)</translation>
    </message>
    <message>
        <source>Tar archives, gzip (*.tar.gz)</source>
        <translation>Tar-Archive, gzip (*.tar.gz)</translation>
    </message>
    <message>
        <source>Tar archives, zstd (*.tar.zst)</source>
        <translation>Tar-Archive, zstd (*.tar.zst)</translation>
    </message>
    <message>
        <source>Tar archives (*.tar)</source>
        <translation>Tar-Archive (*.tar)</translation>
    </message>
    <message>
        <source>Export As</source>
        <translation>Exportieren als</translation>
    </message>
    <message>
        <source>Archives (*.nnz *.nnz.001 *.zip *.tar *.tgz *.gz *.bz2 *.xz *.zst *.7z *.rar *.cpio *.iso);;nnzip archives (*.nnz *.nnz.001);;All files (*)</source>
        <translation>Archive (*.nnz *.nnz.001 *.zip *.tar *.tgz *.gz *.bz2 *.xz *.zst *.7z *.rar *.cpio *.iso);;nnzip-Archive (*.nnz *.nnz.001);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Files Still Open</source>
        <translation>Dateien noch geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the archive opened in other applications (%1) can no longer be put back into it once nnzip closes, and the copies are removed. Close anyway?</source>
        <translation>
            <numerusform>%n Datei des Archivs, in einer anderen Anwendung geöffnet (%1), kann nach dem Schließen von nnzip nicht mehr zurück ins Archiv, und die Kopie wird entfernt. Trotzdem schließen?</numerusform>
            <numerusform>%n Dateien des Archivs, in anderen Anwendungen geöffnet (%1), können nach dem Schließen von nnzip nicht mehr zurück ins Archiv, und die Kopien werden entfernt. Trotzdem schließen?</numerusform>
        </translation>
    </message>
    <message>
        <source> · damaged: read through its recovery record (Repair Archive mends it)</source>
        <translation> · beschädigt: über seinen Wiederherstellungsdatensatz gelesen (Archiv reparieren behebt es)</translation>
    </message>
    <message>
        <source>Co&amp;mpare with Folder…</source>
        <translation>Mit Ordner &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Comparing %1 with %2</source>
        <translation>Vergleiche %1 mit %2</translation>
    </message>
    <message>
        <source>Compare with Folder (the folder the archive was made in)</source>
        <translation>Mit Ordner vergleichen (dem Ordner, in dem das Archiv erstellt wurde)</translation>
    </message>
    <message>
        <source>Tell which files on disk differ from the archive (an .nnz by its checksums, without decoding)</source>
        <translation>Zeigt, welche Dateien auf der Festplatte vom Archiv abweichen (ein .nnz anhand seiner Prüfsummen, ohne Dekodieren)</translation>
    </message>
    <message>
        <source>A folder&apos;s time is not compared: it changes with what is in it.</source>
        <translation>Die Zeit eines Ordners wird nicht verglichen: Sie ändert sich mit seinem Inhalt.</translation>
    </message>
    <message>
        <source>Selected: %1 · %2</source>
        <translation>Ausgewählt: %1 · %2</translation>
    </message>
    <message>
        <source>Written as a %1, for other tools</source>
        <translation>Als %1 geschrieben, für andere Programme</translation>
    </message>
    <message>
        <source>Some files already exist in %1 (%2 and maybe more). Replace them, keep them and extract the rest, or keep both (the archive&apos;s under new names, such as &quot;a (2).txt&quot;)?</source>
        <translation>Einige Dateien sind in %1 schon vorhanden (%2 und vielleicht weitere). Ersetzen, behalten und den Rest entpacken, oder beide behalten (die des Archivs unter neuen Namen wie „a (2).txt“)?</translation>
    </message>
    <message>
        <source>Every block copied as it is; tested before it is kept</source>
        <translation>Jeder Block unverändert kopiert; vor dem Behalten geprüft</translation>
    </message>
    <message>
        <source>New from &amp;Folder…</source>
        <translation>Neu aus &amp;Ordner…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Create a new archive of a folder and everything in it</source>
        <translation>Ein neues Archiv aus einem Ordner mit allem darin erstellen</translation>
    </message>
    <message>
        <source>Folder for the New Archive</source>
        <translation>Ordner für das neue Archiv</translation>
    </message>
    <message>
        <source>Tested before it is kept</source>
        <translation>Vor dem Behalten geprüft</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Vo&amp;rschau</translation>
    </message>
    <message>
        <source>Show the selected file&apos;s contents (text, a picture or hexadecimal) without extracting it</source>
        <translation>Den Inhalt der gewählten Datei zeigen (Text, Bild oder hexadezimal), ohne sie zu entpacken</translation>
    </message>
    <message>
        <source>Previewing %1</source>
        <translation>Vorschau von %1</translation>
    </message>
    <message>
        <source>Test &amp;Selected Entries</source>
        <translation>&amp;Gewählte Einträge testen</translation>
    </message>
    <message>
        <source>Decode the selected entries (a folder with everything in it) and verify their checksums</source>
        <translation>Die gewählten Einträge (einen Ordner mit allem darin) dekodieren und ihre Prüfsummen prüfen</translation>
    </message>
    <message numerus="yes">
        <source>Testing %n entries of %1</source>
        <translation>
            <numerusform>%n Eintrag von %1 wird getestet</numerusform>
            <numerusform>%n Einträge von %1 werden getestet</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Nach Name filtern</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Put the selected entries on the clipboard as files, to paste in a file manager</source>
        <translation>Die gewählten Einträge als Dateien in die Zwischenablage legen, um sie in einem Dateimanager einzufügen</translation>
    </message>
    <message>
        <source>Cannot Copy</source>
        <translation>Kopieren nicht möglich</translation>
    </message>
    <message numerus="yes">
        <source>Copying %n entries of %1</source>
        <translation>
            <numerusform>%n Eintrag von %1 wird kopiert</numerusform>
            <numerusform>%n Einträge von %1 werden kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>The selection holds only symbolic links that lead outside it; copying leaves such links out.</source>
        <translation>Die Auswahl enthält nur symbolische Verknüpfungen, die aus ihr hinausführen; beim Kopieren werden solche Verknüpfungen ausgelassen.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n item(s): paste them in a file manager while this window is open.</source>
        <translation>
            <numerusform>%n Element kopiert: In einem Dateimanager einfügen, solange dieses Fenster offen ist.</numerusform>
            <numerusform>%n Elemente kopiert: In einem Dateimanager einfügen, solange dieses Fenster offen ist.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnz::ui::NewArchiveDialog</name>
    <message>
        <source>Create Archive</source>
        <translation>Archiv erstellen</translation>
    </message>
    <message>
        <source>Create a new archive from %1?</source>
        <translation>Ein neues Archiv aus %1 erstellen?</translation>
    </message>
    <message numerus="yes">
        <source>Create a new archive from %n item(s)?</source>
        <translation>
            <numerusform>Ein neues Archiv aus %n Element erstellen?</numerusform>
            <numerusform>Ein neues Archiv aus %n Elementen erstellen?</numerusform>
        </translation>
    </message>
    <message>
        <source>New Archive</source>
        <translation>Neues Archiv</translation>
    </message>
    <message>
        <source>nnzip archives (*.nnz)</source>
        <translation>nnzip-Archive (*.nnz)</translation>
    </message>
    <message>
        <source>&amp;Archive:</source>
        <translation>&amp;Archiv:</translation>
    </message>
    <message>
        <source>&amp;Compression:</source>
        <translation>&amp;Kompression:</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>archiv</translation>
    </message>
    <message>
        <source>&amp;Encrypt with a password (contents and names)</source>
        <translation>Mit Passwort &amp;verschlüsseln (Inhalte und Namen)</translation>
    </message>
    <message>
        <source>This nnzip was built without encryption (libsodium).</source>
        <translation>Dieses nnzip wurde ohne Verschlüsselung (libsodium) gebaut.</translation>
    </message>
    <message>
        <source>Add a recovery &amp;record of</source>
        <translation>&amp;Wiederherstellungsdatensatz hinzufügen:</translation>
    </message>
    <message>
        <source>Parity data with which Repair Archive rebuilds damaged parts of the archive exactly, up to about this share of its size</source>
        <translation>Paritätsdaten, mit denen „Archiv reparieren“ beschädigte Teile des Archivs exakt wiederherstellt, bis etwa zu diesem Anteil seiner Größe</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Split into volumes of</source>
        <translation>In Teile &amp;aufteilen zu je</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Delete the files once they are in the archive</source>
        <translation>Dateien &amp;löschen, sobald sie im Archiv sind</translation>
    </message>
    <message>
        <source>Moves them into the archive: each file&apos;s content is verified in the finished archive first, and a file that changed meanwhile is kept.</source>
        <translation>Verschiebt sie ins Archiv: Der Inhalt jeder Datei wird zuvor im fertigen Archiv geprüft, und eine inzwischen geänderte Datei bleibt erhalten.</translation>
    </message>
    <message>
        <source>Not while Settings store what symbolic links point to: the files they lead to would be deleted.</source>
        <translation>Nicht, solange die Einstellungen speichern, worauf symbolische Verknüpfungen zeigen: Die Dateien, zu denen sie führen, würden gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Test the archive before keeping it</source>
        <translation>Archiv vor dem Behalten &amp;prüfen</translation>
    </message>
    <message>
        <source>It is decoded and every checksum verified before it replaces anything; one that fails is not kept. It takes about as long again.</source>
        <translation>Es wird entpackt und jede Prüfsumme geprüft, bevor es etwas ersetzt; eines, das durchfällt, wird nicht behalten. Das dauert etwa noch einmal so lange.</translation>
    </message>
    <message>
        <source>NAME.nnz.001, NAME.nnz.002, ...: for media, mail or upload limits. nnzip reads and changes them as one archive.</source>
        <translation>NAME.nnz.001, NAME.nnz.002, ...: für Datenträger, E-Mail- oder Upload-Grenzen. nnzip liest und ändert sie als ein Archiv.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
</context>
<context>
    <name>nnz::ui::NotificationBar</name>
    <message>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>nnz::ui::OverwriteBox</name>
    <message>
        <source>Ask</source>
        <translation>Nachfragen</translation>
    </message>
    <message>
        <source>Never overwrite</source>
        <translation>Nie überschreiben</translation>
    </message>
    <message>
        <source>Always overwrite</source>
        <translation>Immer überschreiben</translation>
    </message>
    <message>
        <source>Keep existing files, extract the rest</source>
        <translation>Vorhandene Dateien behalten, den Rest entpacken</translation>
    </message>
    <message>
        <source>Replace older files, keep newer ones</source>
        <translation>Ältere Dateien ersetzen, neuere behalten</translation>
    </message>
    <message>
        <source>Keep both: extract under new names (a (2).txt)</source>
        <translation>Beide behalten: unter neuen Namen entpacken (a (2).txt)</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PasswordDialog</name>
    <message>
        <source>Set Password</source>
        <translation>Passwort festlegen</translation>
    </message>
    <message>
        <source>Choose a new password for %1, or remove its password.</source>
        <translation>Wählen Sie ein neues Passwort für %1 oder entfernen Sie sein Passwort.</translation>
    </message>
    <message>
        <source>Encrypt %1 with a password: its contents and names.</source>
        <translation>%1 mit einem Passwort verschlüsseln: Inhalte und Namen.</translation>
    </message>
    <message>
        <source>Nothing is compressed again: this takes about as long as copying the archive.</source>
        <translation>Nichts wird neu komprimiert: Das dauert etwa so lange wie das Kopieren des Archivs.</translation>
    </message>
    <message>
        <source>&amp;Remove the password (store the archive unencrypted)</source>
        <translation>Passwort &amp;entfernen (Archiv unverschlüsselt speichern)</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PasswordFields</name>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Choose a password. Without it the archive cannot be opened: it is not stored anywhere.</source>
        <translation>Wählen Sie ein Passwort. Ohne es lässt sich das Archiv nicht öffnen: Es wird nirgends gespeichert.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PreviewDialog</name>
    <message>
        <source>Preview — %1</source>
        <translation>Vorschau — %1</translation>
    </message>
    <message>
        <source>&amp;Wrap long lines</source>
        <translation>Lange Zeilen &amp;umbrechen</translation>
    </message>
    <message>
        <source>&amp;Open with Default Application</source>
        <translation>Mit &amp;Standardanwendung öffnen</translation>
    </message>
    <message>
        <source>Text (%1)</source>
        <translation>Text (%1)</translation>
    </message>
    <message>
        <source>Picture (%1, %2 × %3 pixels)</source>
        <translation>Bild (%1, %2 × %3 Pixel)</translation>
    </message>
    <message>
        <source>Binary data, shown in hexadecimal</source>
        <translation>Binärdaten, hexadezimal gezeigt</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The first %1 are shown; Open with Default Application shows it all.</source>
        <translation>Die ersten %1 werden gezeigt; „Mit Standardanwendung öffnen“ zeigt alles.</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>Suc&amp;hen:</translation>
    </message>
    <message>
        <source>Enter: next, Shift+Enter: previous</source>
        <translation>Eingabe: nächster, Umschalt+Eingabe: voriger</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
</context>
<context>
    <name>nnz::ui::ProgressPanel</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Clo&amp;se</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>In %1 of %2 · out %3</source>
        <translation>Ein %1 von %2 · aus %3</translation>
    </message>
    <message>
        <source>%1 of %2 decoded · from %3</source>
        <translation>%1 von %2 dekodiert · aus %3</translation>
    </message>
    <message>
        <source>%1/s · took %2</source>
        <translation>%1/s · Dauer %2</translation>
    </message>
    <message>
        <source>%1/s · ETA %2</source>
        <translation>%1/s · Restzeit %2</translation>
    </message>
    <message>
        <source>%1 bpb overall · %2 current</source>
        <translation>%1 Bits/Byte gesamt · %2 aktuell</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Nothing was left behind.</source>
        <translation>Nichts ist zurückgeblieben.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Decoding old block %1 of %2: %3%</source>
        <translation>Alter Block %1 von %2 wird dekodiert: %3 %</translation>
    </message>
    <message>
        <source>Verifying before deleting the files: %1%</source>
        <translation>Prüfung vor dem Löschen der Dateien: %1%</translation>
    </message>
    <message>
        <source>Testing the archive before keeping it: %1%</source>
        <translation>Archiv wird vor dem Behalten geprüft: %1%</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PropertiesDialog</name>
    <message>
        <source>Properties — %1</source>
        <translation>Eigenschaften — %1</translation>
    </message>
    <message>
        <source>Archive:</source>
        <translation>Archiv:</translation>
    </message>
    <message>
        <source>File size:</source>
        <translation>Dateigröße:</translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation>Einträge:</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>Inhalt:</translation>
    </message>
    <message>
        <source>Packed:</source>
        <translation>Gepackt:</translation>
    </message>
    <message>
        <source>%1 (%2 bits per byte)</source>
        <translation>%1 (%2 Bits pro Byte)</translation>
    </message>
    <message>
        <source>Blocks:</source>
        <translation>Blöcke:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Eintrag:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Symbolic link to %1</source>
        <translation>Symbolischer Link auf %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Bits per byte:</source>
        <translation>Bits pro Byte:</translation>
    </message>
    <message>
        <source>Checksum (XXH64):</source>
        <translation>Prüfsumme (XXH64):</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Berechtigungen:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>%1 (read-only; Archive ▸ Convert to .nnz makes an .nnz of it)</source>
        <translation>%1 (schreibgeschützt; Archiv ▸ In .nnz umwandeln macht daraus ein .nnz-Archiv)</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Verschlüsselung:</translation>
    </message>
    <message>
        <source>XChaCha20-Poly1305, contents and names; key from the password by Argon2id</source>
        <translation>XChaCha20-Poly1305, Inhalte und Namen; Schlüssel aus dem Passwort mit Argon2id</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Recovery record:</source>
        <translation>Wiederherstellungsdatensatz:</translation>
    </message>
    <message>
        <source>%1% of the archive: Repair Archive rebuilds up to about that much damage</source>
        <translation>%1 % des Archivs: „Archiv reparieren“ stellt bis etwa so viel Schaden wieder her</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n volume(s)</source>
        <translation>
            <numerusform>%1 in %n Teil</numerusform>
            <numerusform>%1 in %n Teilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder (implied by the names in it)</source>
        <translation>Ordner (nur durch die Namen darin angelegt)</translation>
    </message>
    <message>
        <source>Contains:</source>
        <translation>Enthält:</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>File, a hard link to %1</source>
        <translation>Datei, harter Link auf %1</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Eigentümer:</translation>
    </message>
    <message>
        <source>Access control list:</source>
        <translation>Zugriffssteuerungsliste:</translation>
    </message>
    <message>
        <source>Extended attributes:</source>
        <translation>Erweiterte Attribute:</translation>
    </message>
    <message>
        <source>an earlier version&apos;s model</source>
        <translation>das Modell einer früheren Version</translation>
    </message>
    <message>
        <source>Made with:</source>
        <translation>Erstellt mit:</translation>
    </message>
</context>
<context>
    <name>nnz::ui::SettingsDialog</name>
    <message>
        <source>nnzip Settings</source>
        <translation>nnzip-Einstellungen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>This build or machine has no CUDA support</source>
        <translation>Dieser Build oder Rechner unterstützt CUDA nicht</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>Alle Kerne (%1)</translation>
    </message>
    <message>
        <source>Next to the archive</source>
        <translation>Neben dem Archiv</translation>
    </message>
    <message>
        <source>Default Extraction Folder</source>
        <translation>Standardordner zum Entpacken</translation>
    </message>
    <message>
        <source>Default &amp;preset:</source>
        <translation>Standard-&amp;Voreinstellung:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>Worker &amp;threads:</source>
        <translation>Arbeits-&amp;Threads:</translation>
    </message>
    <message>
        <source>&amp;Extract to:</source>
        <translation>&amp;Entpacken nach:</translation>
    </message>
    <message>
        <source>Existing &amp;files:</source>
        <translation>Vorhandene &amp;Dateien:</translation>
    </message>
    <message>
        <source>Nothing, for example .git; *.o; node_modules</source>
        <translation>Nichts, zum Beispiel .git; *.o; node_modules</translation>
    </message>
    <message>
        <source>Names to leave out of new archives and added files, separated by &apos;;&apos;. A pattern without &apos;/&apos; is tried on every name (a folder goes with everything in it); one with &apos;/&apos; on the path from the top. * and ? stand for any characters or one.</source>
        <translation>Namen, die in neuen Archiven und hinzugefügten Dateien fehlen sollen, getrennt durch &apos;;&apos;. Ein Muster ohne &apos;/&apos; wird mit jedem Namen verglichen (ein Ordner mit allem, was er enthält); eines mit &apos;/&apos; mit dem Pfad von oben. * und ? stehen für beliebig viele Zeichen oder eines.</translation>
    </message>
    <message>
        <source>Leave &amp;out:</source>
        <translation>Aus&amp;lassen:</translation>
    </message>
    <message>
        <source>Leave out files that cannot be read, with a warning</source>
        <translation>Nicht lesbare Dateien mit einer Warnung auslassen</translation>
    </message>
    <message>
        <source>Files without read permission, and names an archive cannot hold (not UTF-8). Unticked, such a file stops the job and no archive is written.</source>
        <translation>Dateien ohne Leserecht und Namen, die ein Archiv nicht aufnehmen kann (nicht UTF-8). Ohne Haken bricht eine solche Datei den Auftrag ab, und es wird kein Archiv geschrieben.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Parity data added to new archives, in percent of their size. With it, Repair Archive rebuilds damaged parts exactly: up to about that share of the archive.</source>
        <translation>Paritätsdaten für neue Archive, in Prozent ihrer Größe. Mit ihnen stellt „Archiv reparieren“ beschädigte Teile exakt wieder her: bis etwa zu diesem Anteil des Archivs.</translation>
    </message>
    <message>
        <source>&amp;Recovery record:</source>
        <translation>&amp;Wiederherstellungsdatensatz:</translation>
    </message>
    <message>
        <source>Store what symbolic links point to, not the links</source>
        <translation>Speichern, worauf symbolische Verknüpfungen zeigen, nicht die Verknüpfungen</translation>
    </message>
    <message>
        <source>A linked file is stored with its content, a linked folder with everything in it, under the link&apos;s name (nnzip a -L). Unticked, links are stored as links.</source>
        <translation>Eine verknüpfte Datei wird mit ihrem Inhalt gespeichert, ein verknüpfter Ordner mit allem darin, unter dem Namen der Verknüpfung (nnzip a -L). Abgewählt werden Verknüpfungen als Verknüpfungen gespeichert.</translation>
    </message>
    <message>
        <source>Leave out version control folders (.git, .svn, .hg, CVS…)</source>
        <translation>Ordner der Versionsverwaltung auslassen (.git, .svn, .hg, CVS…)</translation>
    </message>
    <message>
        <source>The folders and files version control keeps, anywhere in the tree (nnzip a --exclude-vcs).</source>
        <translation>Die Ordner und Dateien der Versionsverwaltung, überall im Baum (nnzip a --exclude-vcs).</translation>
    </message>
    <message>
        <source>Leave out what cache folders hold (tagged with CACHEDIR.TAG)</source>
        <translation>Inhalt von Cache-Ordnern auslassen (mit CACHEDIR.TAG markiert)</translation>
    </message>
    <message>
        <source>A folder holding a CACHEDIR.TAG is stored with that file only: caches can be made again (nnzip a --exclude-caches).</source>
        <translation>Ein Ordner mit einer CACHEDIR.TAG wird nur mit dieser Datei gespeichert: Caches lassen sich neu erzeugen (nnzip a --exclude-caches).</translation>
    </message>
    <message>
        <source>Test archives before keeping them</source>
        <translation>Archive vor dem Behalten prüfen</translation>
    </message>
    <message>
        <source>A new or changed archive is decoded and every checksum verified before it replaces anything; one that fails is not kept (nnzip a --test). It takes about as long again.</source>
        <translation>Ein neues oder geändertes Archiv wird entpackt und jede Prüfsumme geprüft, bevor es etwas ersetzt; eines, das durchfällt, wird nicht behalten (nnzip a --test). Das dauert etwa noch einmal so lange.</translation>
    </message>
    <message>
        <source>Stay on one file system (leave out what is mounted inside)</source>
        <translation>Auf einem Dateisystem bleiben (was darin eingehängt ist, auslassen)</translation>
    </message>
    <message>
        <source>A folder on which another disk, a network share or /proc is mounted is stored empty (nnzip a --one-file-system).</source>
        <translation>Ein Ordner, auf dem ein anderes Laufwerk, eine Netzwerkfreigabe oder /proc eingehängt ist, wird leer gespeichert (nnzip a --one-file-system).</translation>
    </message>
    <message>
        <source>The character set of file names that are not UTF-8 in zips, tars and other archives made elsewhere (nnzip --name-charset). Automatic reads a zip&apos;s as Windows writes them (code page 437).</source>
        <translation>Der Zeichensatz von Dateinamen, die nicht UTF-8 sind, in ZIP-, TAR- und anderen anderswo erstellten Archiven (nnzip --name-charset). Automatisch liest die eines ZIP so, wie Windows sie schreibt (Codepage 437).</translation>
    </message>
    <message>
        <source>Japanese (CP932, Shift JIS)</source>
        <translation>Japanisch (CP932, Shift JIS)</translation>
    </message>
    <message>
        <source>Chinese, simplified (CP936, GBK)</source>
        <translation>Chinesisch, vereinfacht (CP936, GBK)</translation>
    </message>
    <message>
        <source>Chinese, traditional (CP950, Big5)</source>
        <translation>Chinesisch, traditionell (CP950, Big5)</translation>
    </message>
    <message>
        <source>Korean (CP949)</source>
        <translation>Koreanisch (CP949)</translation>
    </message>
    <message>
        <source>Cyrillic, DOS (CP866)</source>
        <translation>Kyrillisch, DOS (CP866)</translation>
    </message>
    <message>
        <source>Cyrillic, Windows (CP1251)</source>
        <translation>Kyrillisch, Windows (CP1251)</translation>
    </message>
    <message>
        <source>Western European, DOS (CP850)</source>
        <translation>Westeuropäisch, DOS (CP850)</translation>
    </message>
    <message>
        <source>Western European, Windows (CP1252)</source>
        <translation>Westeuropäisch, Windows (CP1252)</translation>
    </message>
    <message>
        <source>Central European (ISO-8859-2)</source>
        <translation>Mitteleuropäisch (ISO-8859-2)</translation>
    </message>
    <message>
        <source>Central European, Windows (CP1250)</source>
        <translation>Mitteleuropäisch, Windows (CP1250)</translation>
    </message>
    <message>
        <source>Greek (ISO-8859-7)</source>
        <translation>Griechisch (ISO-8859-7)</translation>
    </message>
    <message>
        <source>&amp;Names in other archives:</source>
        <translation>&amp;Namen in fremden Archiven:</translation>
    </message>
    <message>
        <source>Leave out what folders marked with a .nobackup file hold</source>
        <translation>Inhalt von Ordnern mit einer Datei .nobackup auslassen</translation>
    </message>
    <message>
        <source>A folder holding a file named .nobackup is stored with that file only (nnzip a --exclude-tag .nobackup).</source>
        <translation>Ein Ordner mit einer Datei namens .nobackup wird nur mit dieser Datei gespeichert (nnzip a --exclude-tag .nobackup).</translation>
    </message>
    <message>
        <source>Extract to</source>
        <translation>Entpacken nach</translation>
    </message>
</context>
<context>
    <name>nnz::ui::TrayNotifier</name>
    <message>
        <source>Click to open the folder.</source>
        <translation>Klicken, um den Ordner zu öffnen.</translation>
    </message>
</context>
<context>
    <name>nnzip-gui</name>
    <message>
        <source>Neural-network archiver</source>
        <translation>Archivprogramm mit neuronalem Netz</translation>
    </message>
    <message>
        <source>Extract each ARCHIVE into DIR.</source>
        <translation>Jedes ARCHIV nach ORDNER entpacken.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>Create ARCHIVE from the given paths.</source>
        <translation>ARCHIV aus den angegebenen Pfaden erstellen.</translation>
    </message>
    <message>
        <source>ARCHIVE</source>
        <translation>ARCHIV</translation>
    </message>
    <message>
        <source>Archive to open.</source>
        <translation>Zu öffnendes Archiv.</translation>
    </message>
    <message>
        <source>[ARCHIVE | PATH...]</source>
        <translation>[ARCHIV | PFAD...]</translation>
    </message>
    <message>
        <source>use only one of --extract-here, --extract-to and --compress-to</source>
        <translation>nur eine der Optionen --extract-here, --extract-to und --compress-to verwenden</translation>
    </message>
    <message>
        <source>nothing to do: give ARCHIVE or PATH arguments</source>
        <translation>nichts zu tun: ARCHIV- oder PFAD-Argumente angeben</translation>
    </message>
    <message>
        <source>With --compress-to: ask for a password and encrypt the archive.</source>
        <translation>Mit --compress-to: nach einem Passwort fragen und das Archiv verschlüsseln.</translation>
    </message>
    <message>
        <source>--encrypt goes with --compress-to</source>
        <translation>--encrypt gehört zu --compress-to</translation>
    </message>
    <message>
        <source>Extract each ARCHIVE next to it: the one folder it holds as that folder, anything else into a folder named after it.</source>
        <translation>Jedes ARCHIVE daneben entpacken: den einen Ordner, den es enthält, als diesen Ordner, alles andere in einen nach ihm benannten Ordner.</translation>
    </message>
</context>
</TS>
