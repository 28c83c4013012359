<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ExistingFiles</name>
    <message>
        <source>%1 already existed and was kept as it was</source>
        <translation>%1 existait déjà et a été gardé tel quel</translation>
    </message>
    <message numerus="yes">
        <source>%n existing files were kept as they were (%1, ...)</source>
        <translation>
            <numerusform>%n fichier existant a été gardé tel quel (%1, ...)</numerusform>
            <numerusform>%n fichiers existants ont été gardés tels quels (%1, ...)</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>Remplacer les fichiers ?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Keep Existing</source>
        <translation>Garder l’existant</translation>
    </message>
    <message>
        <source>could not give one entry all of its recorded owner, extended attributes and access control list: %1</source>
        <translation>impossible de rendre à une entrée tout ce qui était enregistré (propriétaire, attributs étendus, liste de contrôle d’accès) : %1</translation>
    </message>
    <message numerus="yes">
        <source>could not give %n entries all of their recorded owner, extended attributes and access control list: %1, ...</source>
        <translation>
            <numerusform>impossible de rendre à %n entrée tout ce qui était enregistré (propriétaire, attributs étendus, liste de contrôle d’accès) : %1, ...</numerusform>
            <numerusform>impossible de rendre à %n entrées tout ce qui était enregistré (propriétaire, attributs étendus, liste de contrôle d’accès) : %1, ...</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>Garder les deux</translation>
    </message>
    <message>
        <source>%1 already existed: the archive&apos;s was extracted as %2</source>
        <translation>%1 existait déjà : celui de l&apos;archive a été extrait sous le nom %2</translation>
    </message>
    <message numerus="yes">
        <source>%n files already existed: the archive&apos;s were extracted under new names (%1 as %2, ...)</source>
        <translation>
            <numerusform>%n fichier existait déjà : celui de l&apos;archive a été extrait sous un nouveau nom (%1 sous le nom %2, ...)</numerusform>
            <numerusform>%n fichiers existaient déjà : ceux de l&apos;archive ont été extraits sous de nouveaux noms (%1 sous le nom %2, ...)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutsideLinksQuestion</name>
    <message>
        <source>Links Outside the Folder</source>
        <translation>Liens hors du dossier</translation>
    </message>
    <message>
        <source>%1 holds symbolic links that point outside %2, such as %3 → %4.</source>
        <translation>%1 contient des liens symboliques qui pointent hors de %2, par exemple %3 → %4.</translation>
    </message>
    <message>
        <source>There are %1 of them.</source>
        <translation>Il y en a %1.</translation>
    </message>
    <message>
        <source>Create them as they are, or extract everything else without them? Nothing is ever written through a link.</source>
        <translation>Les créer tels quels, ou extraire tout le reste sans eux ? Rien n’est jamais écrit à travers un lien.</translation>
    </message>
    <message>
        <source>Create Links</source>
        <translation>Créer les liens</translation>
    </message>
    <message>
        <source>Leave Them Out</source>
        <translation>Les omettre</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Encrypt Archive</source>
        <translation>Chiffrer l’archive</translation>
    </message>
    <message>
        <source>Choose a password for %1: its contents and names are encrypted.</source>
        <translation>Choisissez un mot de passe pour %1 : ses contenus et ses noms sont chiffrés.</translation>
    </message>
</context>
<context>
    <name>PasswordQuestion</name>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>%1 is encrypted. Enter its password:</source>
        <translation>%1 est chiffré. Saisissez son mot de passe :</translation>
    </message>
    <message>
        <source>Wrong password for %1. Try again:</source>
        <translation>Mot de passe incorrect pour %1. Réessayez :</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n octet</numerusform>
            <numerusform>%n octets</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Store (no compression)</source>
        <translation>Stocker (sans compression)</translation>
    </message>
    <message>
        <source>Fast (small network)</source>
        <translation>Rapide (petit réseau)</translation>
    </message>
    <message>
        <source>Maximum (large network, slow)</source>
        <translation>Maximum (grand réseau, lent)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Stored without compression</source>
        <translation>Stocké sans compression</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>Processeur (CPU)</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>automatic device</source>
        <translation>périphérique automatique</translation>
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
        <translation>tous les cœurs</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>GPU (64 lanes, for an NVIDIA GPU)</source>
        <translation>GPU (64 voies, pour un GPU NVIDIA)</translation>
    </message>
    <message>
        <source> · leaving out %1</source>
        <translation> · sans %1</translation>
    </message>
    <message>
        <source> · recovery record %1%</source>
        <translation> · enregistrement de récupération %1 %</translation>
    </message>
    <message>
        <source> · volumes of %1 MiB</source>
        <translation> · volumes de %1 Mio</translation>
    </message>
    <message>
        <source> · volumes of %1</source>
        <translation> · volumes de %1</translation>
    </message>
    <message>
        <source> · deleting the files once archived</source>
        <translation> · supprime les fichiers une fois archivés</translation>
    </message>
    <message>
        <source> · following symbolic links</source>
        <translation> · suit les liens symboliques</translation>
    </message>
    <message>
        <source>version control</source>
        <translation>gestion de versions</translation>
    </message>
    <message>
        <source>caches</source>
        <translation>caches</translation>
    </message>
    <message>
        <source> · tested before it is kept</source>
        <translation> · testée avant d&apos;être gardée</translation>
    </message>
    <message>
        <source>other file systems</source>
        <translation>les autres systèmes de fichiers</translation>
    </message>
    <message>
        <source>folders with a %1</source>
        <translation>dossiers avec un %1</translation>
    </message>
</context>
<context>
    <name>nnz::ui::BatchWindow</name>
    <message>
        <source>nnzip — working</source>
        <translation>nnzip — en cours</translation>
    </message>
    <message>
        <source>Nothing to Do</source>
        <translation>Rien à faire</translation>
    </message>
    <message>
        <source>No archive or file was given.</source>
        <translation>Aucune archive ni aucun fichier n’a été indiqué.</translation>
    </message>
    <message>
        <source>Extracting %1 to %2</source>
        <translation>Extraction de %1 vers %2</translation>
    </message>
    <message>
        <source>Replace Archive?</source>
        <translation>Remplacer l’archive ?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existe déjà. La remplacer ?</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>Création de %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) finished.</source>
        <translation>
            <numerusform>%n tâche terminée.</numerusform>
            <numerusform>%n tâches terminées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Extracting %1 would replace files in %2 (%3 and maybe more). Replace them, keep them and extract the rest, or keep both (the archive&apos;s under new names, such as &quot;a (2).txt&quot;)?</source>
        <translation>Extraire %1 remplacerait des fichiers dans %2 (%3 et peut-être d&apos;autres). Les remplacer, les garder et extraire le reste, ou garder les deux (ceux de l&apos;archive sous de nouveaux noms, comme « a (2).txt ») ?</translation>
    </message>
</context>
<context>
    <name>nnz::ui::BpbChart</name>
    <message>
        <source>Bits per byte of each stretch of input, along the input</source>
        <translation>Bits par octet de chaque portion de l’entrée, le long de l’entrée</translation>
    </message>
    <message>
        <source>bits per byte</source>
        <translation>bits par octet</translation>
    </message>
</context>
<context>
    <name>nnz::ui::EntriesModel</name>
    <message>
        <source>store</source>
        <translation>stocké</translation>
    </message>
    <message>
        <source>neural</source>
        <translation>neuronal</translation>
    </message>
    <message>
        <source>Symbolic link to %1</source>
        <translation>Lien symbolique vers %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Compressé</translation>
    </message>
    <message>
        <source>Bits/byte</source>
        <translation>Bits/octet</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Checksum (XXH64)</source>
        <translation>Somme de contrôle (XXH64)</translation>
    </message>
    <message>
        <source>Cannot be extracted or converted: %1</source>
        <translation>Impossible d’extraire ou de convertir : %1</translation>
    </message>
    <message>
        <source>%1: the same content as %2, stored once</source>
        <translation>%1 : même contenu que %2, enregistré une seule fois</translation>
    </message>
    <message numerus="yes">
        <source> in %n folder(s)</source>
        <translation>
            <numerusform> dans %n dossier</numerusform>
            <numerusform> dans %n dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n byte(s)</source>
        <translation>
            <numerusform>%1 : %n octet</numerusform>
            <numerusform>%1 : %n octets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnz::ui::ExtractDialog</name>
    <message>
        <source>Extract</source>
        <translation>Extraire</translation>
    </message>
    <message>
        <source>Extract To</source>
        <translation>Extraire vers</translation>
    </message>
    <message>
        <source>Keep the folders above the selection (%1/)</source>
        <translation>Garder les dossiers au-dessus de la sélection (%1/)</translation>
    </message>
    <message>
        <source>Extract &amp;to:</source>
        <translation>E&amp;xtraire vers :</translation>
    </message>
    <message>
        <source>Existing &amp;files:</source>
        <translation>&amp;Fichiers existants :</translation>
    </message>
    <message>
        <source>E&amp;xtract</source>
        <translation>E&amp;xtraire</translation>
    </message>
    <message>
        <source>Extract to</source>
        <translation>Extraire vers</translation>
    </message>
</context>
<context>
    <name>nnz::ui::Job</name>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Annulé avant de commencer.</translation>
    </message>
</context>
<context>
    <name>nnz::ui::JobMessages</name>
    <message>
        <source>Cannot Create Archive</source>
        <translation>Impossible de créer l’archive</translation>
    </message>
    <message>
        <source>Could not create %1:
%2

No archive was written.</source>
        <translation>Impossible de créer %1 :
%2

Aucune archive n’a été écrite.</translation>
    </message>
    <message>
        <source>Cannot Add Files</source>
        <translation>Impossible d’ajouter les fichiers</translation>
    </message>
    <message>
        <source>Could not add to %1:
%2

The archive was not changed.</source>
        <translation>Impossible d’ajouter à %1 :
%2

L’archive n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Cannot Extract</source>
        <translation>Impossible d’extraire</translation>
    </message>
    <message>
        <source>Could not extract from %1:
%2

Nothing was written.</source>
        <translation>Impossible d’extraire depuis %1 :
%2

Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Could not extract from %1:
%2

No file was extracted.</source>
        <translation>Impossible d’extraire depuis %1 :
%2

Aucun fichier n’a été extrait.</translation>
    </message>
    <message>
        <source>Could not extract from %1:
%2

Files extracted before the error were verified and kept; no partial file was left.</source>
        <translation>Impossible d’extraire depuis %1 :
%2

Les fichiers extraits avant l’erreur ont été vérifiés et conservés ; aucun fichier partiel n’a été laissé.</translation>
    </message>
    <message>
        <source>Test Failed</source>
        <translation>Échec du test</translation>
    </message>
    <message>
        <source>%1 is damaged:
%2

The archive was not changed.</source>
        <translation>L’archive %1 est endommagée :
%2

Elle n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Could not test %1:
%2

The archive was not changed.</source>
        <translation>Impossible de tester %1 :
%2

L’archive n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Job Failed</source>
        <translation>Échec de la tâche</translation>
    </message>
    <message>
        <source>%1 failed:
%2

Nothing was changed.</source>
        <translation>%1 a échoué :
%2

Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Archive created</source>
        <translation>Archive créée</translation>
    </message>
    <message>
        <source>%1 is ready.</source>
        <translation>%1 est prête.</translation>
    </message>
    <message>
        <source>Files added</source>
        <translation>Fichiers ajoutés</translation>
    </message>
    <message>
        <source>Extraction finished</source>
        <translation>Extraction terminée</translation>
    </message>
    <message>
        <source>%1 was extracted to %2.</source>
        <translation>%1 a été extraite vers %2.</translation>
    </message>
    <message>
        <source>Test passed</source>
        <translation>Test réussi</translation>
    </message>
    <message>
        <source>%1: every entry decoded and every checksum matched.</source>
        <translation>%1 : toutes les entrées ont été décodées et toutes les sommes de contrôle concordent.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Le fichier n’a pas pu être lu.</translation>
    </message>
    <message>
        <source>Could not open %1:
%2</source>
        <translation>Impossible d’ouvrir %1 :
%2</translation>
    </message>
    <message>
        <source>The file was not changed.</source>
        <translation>Le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <source>Cannot Open Archive</source>
        <translation>Impossible d’ouvrir l’archive</translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <source>Could not delete from %1:
%2

The archive was not changed.</source>
        <translation>Impossible de supprimer dans %1 :
%2

L’archive n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Entries deleted</source>
        <translation>Entrées supprimées</translation>
    </message>
    <message>
        <source>Cannot Rename</source>
        <translation>Impossible de renommer</translation>
    </message>
    <message>
        <source>Could not rename in %1:
%2

The archive was not changed.</source>
        <translation>Impossible de renommer dans %1 :
%2

L’archive n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Entry renamed</source>
        <translation>Entrée renommée</translation>
    </message>
    <message>
        <source>Cannot Set Password</source>
        <translation>Impossible de définir le mot de passe</translation>
    </message>
    <message>
        <source>Could not change the password of %1:
%2

The archive was not changed.</source>
        <translation>Impossible de changer le mot de passe de %1 :
%2

L’archive n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>Mot de passe défini</translation>
    </message>
    <message>
        <source>Could not extract all of %1:
%2

Every file that could be read was extracted and verified; no partial file was left.</source>
        <translation>Impossible d’extraire entièrement %1 :
%2

Chaque fichier lisible a été extrait et vérifié ; aucun fichier partiel n’a été laissé.</translation>
    </message>
    <message>
        <source>The file is damaged or is not an nnzip archive. File ▸ Repair Archive… recovers what a damaged one still holds.</source>
        <translation>Le fichier est endommagé ou n’est pas une archive nnzip. Fichier ▸ Réparer l’archive… récupère ce qu’une archive endommagée contient encore.</translation>
    </message>
    <message>
        <source>Cannot Change Recovery Record</source>
        <translation>Impossible de modifier l’enregistrement de récupération</translation>
    </message>
    <message>
        <source>Could not change the recovery record of %1:
%2

The archive was not changed.</source>
        <translation>Impossible de modifier l’enregistrement de récupération de %1 :
%2

L’archive n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Recovery record changed</source>
        <translation>Enregistrement de récupération modifié</translation>
    </message>
    <message>
        <source>%1: every entry decoded and every checksum matched; its recovery record is intact.</source>
        <translation>%1 : toutes les entrées ont été décodées et toutes les sommes de contrôle concordent ; son enregistrement de récupération est intact.</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Export impossible</translation>
    </message>
    <message>
        <source>Could not export %1:
%2

No file was written.</source>
        <translation>Impossible d’exporter %1 :
%2

Aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Archive exported</source>
        <translation>Archive exportée</translation>
    </message>
    <message>
        <source>%1 was written.</source>
        <translation>%1 a été écrit.</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>Comparaison impossible</translation>
    </message>
    <message>
        <source>Could not compare %1 with the files on disk:
%2

Nothing was changed.</source>
        <translation>Impossible de comparer %1 aux fichiers sur le disque :
%2

Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Files match</source>
        <translation>Les fichiers correspondent</translation>
    </message>
    <message>
        <source>The files in %1 are as %2 holds them.</source>
        <translation>Les fichiers de %1 sont tels que %2 les contient.</translation>
    </message>
    <message>
        <source>Files differ</source>
        <translation>Les fichiers diffèrent</translation>
    </message>
    <message numerus="yes">
        <source>%n entries of %1 differ from the files in %2.</source>
        <translation>
            <numerusform>%n entrée de %1 diffère des fichiers de %2.</numerusform>
            <numerusform>%n entrées de %1 diffèrent des fichiers de %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the selected entries decoded and their checksums matched.</source>
        <translation>%1 : les entrées choisies ont été décodées et leurs sommes de contrôle concordent.</translation>
    </message>
</context>
<context>
    <name>nnz::ui::JobRunner</name>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
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
        <translation>Filtrer par nom…</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>Create a new archive from files</source>
        <translation>Créer une nouvelle archive à partir de fichiers</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Close Archive</source>
        <translation>&amp;Fermer l’archive</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>&amp;Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>Ajouter un d&amp;ossier…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Extract</source>
        <translation>&amp;Extraire</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Extract the selection (or everything) to the default folder</source>
        <translation>Extraire la sélection (ou tout) dans le dossier par défaut</translation>
    </message>
    <message>
        <source>Extract &amp;To…</source>
        <translation>Extraire &amp;vers…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Open with &amp;Default Application</source>
        <translation>Ouvrir avec l’application par &amp;défaut</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Decode everything and verify every checksum</source>
        <translation>Tout décoder et vérifier chaque somme de contrôle</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>&amp;Propriétés</translation>
    </message>
    <message>
        <source>Alt+Return</source>
        <translation>Alt+Return</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Archives &amp;récentes</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>A&amp;rchive</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>P&amp;aramètres</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About nnzip</source>
        <translation>À &amp;propos de nnzip</translation>
    </message>
    <message>
        <source>About nnzip</source>
        <translation>À propos de nnzip</translation>
    </message>
    <message>
        <source>&lt;b&gt;nnzip %1&lt;/b&gt;&lt;p&gt;An archiver whose compression engine is a neural network trained online while it codes, with exact integer arithmetic so every archive decodes bit-exactly everywhere.&lt;/p&gt;</source>
        <translation>&lt;b&gt;nnzip %1&lt;/b&gt;&lt;p&gt;Un archiveur dont le moteur de compression est un réseau de neurones entraîné en ligne pendant le codage, avec une arithmétique entière exacte pour que chaque archive se décode bit pour bit à l’identique partout.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message numerus="yes">
        <source>%n entries · %1 → %2</source>
        <translation>
            <numerusform>%n entrée · %1 → %2</numerusform>
            <numerusform>%n entrées · %1 → %2</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 bpb</source>
        <translation> · %1 bits/octet</translation>
    </message>
    <message>
        <source>%1 — nnzip</source>
        <translation>%1 — nnzip</translation>
    </message>
    <message>
        <source>Replace Archive?</source>
        <translation>Remplacer l’archive ?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existe déjà. La remplacer ?</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>Création de %1</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n item(s) to %1</source>
        <translation>
            <numerusform>Ajout de %n élément à %1</numerusform>
            <numerusform>Ajout de %n éléments à %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Extracting %1 to %2</source>
        <translation>Extraction de %1 vers %2</translation>
    </message>
    <message>
        <source>Testing %1</source>
        <translation>Test de %1</translation>
    </message>
    <message>
        <source>%1: cancelled; nothing was left behind.</source>
        <translation>%1 : annulé ; rien n’a été laissé.</translation>
    </message>
    <message>
        <source>Cannot Drag</source>
        <translation>Glisser impossible</translation>
    </message>
    <message>
        <source>Could not create a temporary folder.</source>
        <translation>Impossible de créer un dossier temporaire.</translation>
    </message>
    <message>
        <source>Could not extract the selection:
%1</source>
        <translation>Impossible d’extraire la sélection :
%1</translation>
    </message>
    <message>
        <source>Jobs Running</source>
        <translation>Tâches en cours</translation>
    </message>
    <message>
        <source>Jobs are still running. Cancel them and quit?</source>
        <translation>Des tâches sont encore en cours. Les annuler et quitter ?</translation>
    </message>
    <message>
        <source>Files for the New Archive</source>
        <translation>Fichiers pour la nouvelle archive</translation>
    </message>
    <message>
        <source>Open Archive</source>
        <translation>Ouvrir une archive</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Add Files</source>
        <translation>Ajouter des fichiers</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Ajouter un dossier</translation>
    </message>
    <message>
        <source>Cannot Open</source>
        <translation>Impossible d’ouvrir</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Ouverture de %1</translation>
    </message>
    <message>
        <source>No application is set up to open %1.

It was extracted to %2.</source>
        <translation>Aucune application n’est configurée pour ouvrir %1.

Le fichier a été extrait vers %2.</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Drop files or folders here to create an archive,&lt;/p&gt;&lt;p&gt;or drop an archive (&lt;b&gt;.nnz&lt;/b&gt;, zip, tar, 7z…) to open it (File ▸ Open, Ctrl+O).&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;Déposez ici des fichiers ou des dossiers pour créer une archive,&lt;/p&gt;&lt;p&gt;ou déposez une archive (&lt;b&gt;.nnz&lt;/b&gt;, zip, tar, 7z…) pour l’ouvrir (Fichier ▸ Ouvrir, Ctrl+O).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Convert to .nnz…</source>
        <translation>&amp;Convertir en .nnz…</translation>
    </message>
    <message>
        <source>Convert to .nnz</source>
        <translation>Convertir en .nnz</translation>
    </message>
    <message>
        <source>Write the entries of this archive into a new .nnz archive</source>
        <translation>Écrire les entrées de cette archive dans une nouvelle archive .nnz</translation>
    </message>
    <message numerus="yes">
        <source>%n entries · %1 · %2 archive, read-only</source>
        <translation>
            <numerusform>%n entrée · %1 · archive %2, en lecture seule</numerusform>
            <numerusform>%n entrées · %1 · archive %2, en lecture seule</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (read-only) — nnzip</source>
        <translation>%1 (lecture seule) — nnzip</translation>
    </message>
    <message>
        <source>Read-Only Archive</source>
        <translation>Archive en lecture seule</translation>
    </message>
    <message>
        <source>%1 is a %2 archive, which nnzip only reads. Convert it to .nnz first (Archive ▸ Convert to .nnz).</source>
        <translation>%1 est une archive %2, que nnzip ne fait que lire. Convertissez-la d’abord en .nnz (Archive ▸ Convertir en .nnz).</translation>
    </message>
    <message>
        <source>Converting %1 to %2</source>
        <translation>Conversion de %1 en %2</translation>
    </message>
    <message>
        <source>nnzip archives (*.nnz)</source>
        <translation>Archives nnzip (*.nnz)</translation>
    </message>
    <message>
        <source>%1 is ready: %2</source>
        <translation>%1 est prête : %2</translation>
    </message>
    <message>
        <source>&amp;Delete from Archive</source>
        <translation>&amp;Supprimer de l’archive</translation>
    </message>
    <message>
        <source>Remove the selected entries from the archive</source>
        <translation>Retirer de l’archive les entrées sélectionnées</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete from Archive?</source>
        <translation>Supprimer de l’archive ?</translation>
    </message>
    <message>
        <source>Delete %1 from %2? This cannot be undone.</source>
        <translation>Supprimer %1 de %2 ? Cette opération est irréversible.</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n item(s) from %1</source>
        <translation>
            <numerusform>Suppression de %n élément de %1</numerusform>
            <numerusform>Suppression de %n éléments de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Give the selected entry another name (a folder moves with everything in it)</source>
        <translation>Donner un autre nom à l’entrée choisie (un dossier est déplacé avec tout son contenu)</translation>
    </message>
    <message>
        <source>Renaming %1 to %2</source>
        <translation>Renommage de %1 en %2</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>New name for %1 (with / for folders):</source>
        <translation>Nouveau nom pour %1 (avec / pour les dossiers) :</translation>
    </message>
    <message>
        <source>The selection holds only symbolic links that lead outside it; dragging leaves such links out.</source>
        <translation>La sélection ne contient que des liens symboliques qui pointent hors d’elle ; le glisser-déposer omet ces liens.</translation>
    </message>
    <message>
        <source>%1 (encrypted) — nnzip</source>
        <translation>%1 (chiffré) — nnzip</translation>
    </message>
    <message>
        <source>Set &amp;Password…</source>
        <translation>Définir le mot de &amp;passe…</translation>
    </message>
    <message>
        <source>Encrypt the archive with a password, change its password or remove it</source>
        <translation>Chiffrer l’archive avec un mot de passe, changer ou retirer son mot de passe</translation>
    </message>
    <message>
        <source>Removing the password of %1</source>
        <translation>Retrait du mot de passe de %1</translation>
    </message>
    <message>
        <source>Setting the password of %1</source>
        <translation>Définition du mot de passe de %1</translation>
    </message>
    <message>
        <source> · encrypted</source>
        <translation> · chiffrée</translation>
    </message>
    <message>
        <source>&amp;Repair Archive…</source>
        <translation>&amp;Réparer l’archive…</translation>
    </message>
    <message>
        <source>Recover what a damaged or cut-off archive still holds into a new archive</source>
        <translation>Récupérer dans une nouvelle archive ce qu’une archive endommagée ou tronquée contient encore</translation>
    </message>
    <message>
        <source>%1 (repaired)</source>
        <translation>%1 (réparée)</translation>
    </message>
    <message>
        <source>%1 (repaired %2)</source>
        <translation>%1 (réparée %2)</translation>
    </message>
    <message>
        <source>Repairing %1</source>
        <translation>Réparation de %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries recovered</source>
        <translation>
            <numerusform>%n entrée récupérée</numerusform>
            <numerusform>%n entrées récupérées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n lost (%1 ...)</source>
        <translation>
            <numerusform>; %n perdue (%1 ...)</numerusform>
            <numerusform>; %n perdues (%1 ...)</numerusform>
        </translation>
    </message>
    <message>
        <source>Repair Archive</source>
        <translation>Réparer l’archive</translation>
    </message>
    <message>
        <source>nnzip archives (*.nnz);;All files (*)</source>
        <translation>Archives nnzip (*.nnz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Recovery Re&amp;cord…</source>
        <translation>Enre&amp;gistrement de récupération…</translation>
    </message>
    <message>
        <source>Add, change or remove the parity data with which Repair Archive rebuilds damaged parts</source>
        <translation>Ajouter, modifier ou supprimer les données de parité avec lesquelles « Réparer l’archive » reconstruit les parties endommagées</translation>
    </message>
    <message>
        <source> · recovery record %1%</source>
        <translation> · enregistrement de récupération %1 %</translation>
    </message>
    <message>
        <source>Removing the recovery record of %1</source>
        <translation>Suppression de l’enregistrement de récupération de %1</translation>
    </message>
    <message>
        <source>Adding a recovery record of %1% to %2</source>
        <translation>Ajout d’un enregistrement de récupération de %1 % à %2</translation>
    </message>
    <message>
        <source>Recovery Record</source>
        <translation>Enregistrement de récupération</translation>
    </message>
    <message>
        <source>Recovery record of %1, in percent of its size (0 removes it).
With it, Repair Archive rebuilds damaged parts exactly, up to about that share of the archive:</source>
        <translation>Enregistrement de récupération de %1, en pourcentage de sa taille (0 le supprime).
Avec lui, « Réparer l’archive » reconstruit exactement les parties endommagées, jusqu’à environ cette part de l’archive :</translation>
    </message>
    <message>
        <source>nothing was damaged</source>
        <translation>rien n’était endommagé</translation>
    </message>
    <message>
        <source>restored from its recovery record (%1 rebuilt)</source>
        <translation>restaurée depuis son enregistrement de récupération (%1 reconstruits)</translation>
    </message>
    <message>
        <source>its damaged recovery record was written anew</source>
        <translation>son enregistrement de récupération endommagé a été réécrit</translation>
    </message>
    <message>
        <source>%1 has a recovery record: File ▸ Repair Archive… rebuilds it as it was made.</source>
        <translation>%1 a un enregistrement de récupération : Fichier ▸ Réparer l’archive… la reconstruit telle qu’elle a été créée.</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n item(s) to %1 in %2</source>
        <translation>
            <numerusform>Ajout de %n élément à %1 dans %2</numerusform>
            <numerusform>Ajout de %n éléments à %1 dans %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop to add to %1</source>
        <translation>Déposer pour ajouter à %1</translation>
    </message>
    <message>
        <source>Drop to add to %1 in %2</source>
        <translation>Déposer pour ajouter à %1 dans %2</translation>
    </message>
    <message>
        <source>Add Files to %1</source>
        <translation>Ajouter des fichiers à %1</translation>
    </message>
    <message>
        <source>Add Folder to %1</source>
        <translation>Ajouter un dossier à %1</translation>
    </message>
    <message>
        <source>Update Archive?</source>
        <translation>Mettre à jour l’archive ?</translation>
    </message>
    <message>
        <source>%1 was changed in another application. Put the changed file into %2?</source>
        <translation>%1 a été modifié dans une autre application. Mettre le fichier modifié dans %2 ?</translation>
    </message>
    <message>
        <source>E&amp;xport As…</source>
        <translation>E&amp;xporter sous…</translation>
    </message>
    <message>
        <source>Write the entries of this archive as a zip, 7z or tar for people without nnzip</source>
        <translation>Écrire les entrées de cette archive en zip, 7z ou tar pour ceux qui n’ont pas nnzip</translation>
    </message>
    <message>
        <source>Exporting %1 as %2</source>
        <translation>Export de %1 en %2</translation>
    </message>
    <message>
        <source>%1, encrypted with the archive&apos;s password</source>
        <translation>%1, chiffré avec le mot de passe de l’archive</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Archives zip (*.zip)</translation>
    </message>
    <message>
        <source>7-Zip archives (*.7z)</source>
        <translation>Archives 7-Zip (*.7z)</translation>
    </message>
    <message>
        <source>Tar archives, xz (*.tar.xz)</source>
        <translation>Archives tar, xz (*.tar.xz)</translation>
    </message>
    <message>
        <source>Tar archives, gzip (*.tar.gz)</source>
        <translation>Archives tar, gzip (*.tar.gz)</translation>
    </message>
    <message>
        <source>Tar archives, zstd (*.tar.zst)</source>
        <translation>Archives tar, zstd (*.tar.zst)</translation>
    </message>
    <message>
        <source>Tar archives (*.tar)</source>
        <translation>Archives tar (*.tar)</translation>
    </message>
    <message>
        <source>Export As</source>
        <translation>Exporter sous</translation>
    </message>
    <message>
        <source>Archives (*.nnz *.nnz.001 *.zip *.tar *.tgz *.gz *.bz2 *.xz *.zst *.7z *.rar *.cpio *.iso);;nnzip archives (*.nnz *.nnz.001);;All files (*)</source>
        <translation>Archives (*.nnz *.nnz.001 *.zip *.tar *.tgz *.gz *.bz2 *.xz *.zst *.7z *.rar *.cpio *.iso);;Archives nnzip (*.nnz *.nnz.001);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Files Still Open</source>
        <translation>Fichiers encore ouverts</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the archive opened in other applications (%1) can no longer be put back into it once nnzip closes, and the copies are removed. Close anyway?</source>
        <translation>
            <numerusform>%n fichier de l’archive ouvert dans une autre application (%1) ne pourra plus y être remis une fois nnzip fermé, et sa copie est supprimée. Fermer quand même ?</numerusform>
            <numerusform>%n fichiers de l’archive ouverts dans d’autres applications (%1) ne pourront plus y être remis une fois nnzip fermé, et les copies sont supprimées. Fermer quand même ?</numerusform>
        </translation>
    </message>
    <message>
        <source> · damaged: read through its recovery record (Repair Archive mends it)</source>
        <translation> · endommagé : lu grâce à son enregistrement de récupération (Réparer l’archive le remet en état)</translation>
    </message>
    <message>
        <source>Co&amp;mpare with Folder…</source>
        <translation>Co&amp;mparer avec un dossier…</translation>
    </message>
    <message>
        <source>Comparing %1 with %2</source>
        <translation>Comparaison de %1 avec %2</translation>
    </message>
    <message>
        <source>Compare with Folder (the folder the archive was made in)</source>
        <translation>Comparer avec un dossier (celui où l’archive a été créée)</translation>
    </message>
    <message>
        <source>Tell which files on disk differ from the archive (an .nnz by its checksums, without decoding)</source>
        <translation>Indique quels fichiers sur le disque diffèrent de l’archive (une .nnz d’après ses sommes de contrôle, sans décoder)</translation>
    </message>
    <message>
        <source>A folder&apos;s time is not compared: it changes with what is in it.</source>
        <translation>L’heure d’un dossier n’est pas comparée : elle change avec son contenu.</translation>
    </message>
    <message>
        <source>Selected: %1 · %2</source>
        <translation>Sélection : %1 · %2</translation>
    </message>
    <message>
        <source>Written as a %1, for other tools</source>
        <translation>Écrite au format %1, pour d’autres outils</translation>
    </message>
    <message>
        <source>Some files already exist in %1 (%2 and maybe more). Replace them, keep them and extract the rest, or keep both (the archive&apos;s under new names, such as &quot;a (2).txt&quot;)?</source>
        <translation>Certains fichiers existent déjà dans %1 (%2 et peut-être d&apos;autres). Les remplacer, les garder et extraire le reste, ou garder les deux (ceux de l&apos;archive sous de nouveaux noms, comme « a (2).txt ») ?</translation>
    </message>
    <message>
        <source>Every block copied as it is; tested before it is kept</source>
        <translation>Chaque bloc copié tel quel ; archive testée avant d’être gardée</translation>
    </message>
    <message>
        <source>New from &amp;Folder…</source>
        <translation>Nouvelle depuis un &amp;dossier…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Create a new archive of a folder and everything in it</source>
        <translation>Créer une archive d’un dossier et de tout ce qu’il contient</translation>
    </message>
    <message>
        <source>Folder for the New Archive</source>
        <translation>Dossier pour la nouvelle archive</translation>
    </message>
    <message>
        <source>Tested before it is kept</source>
        <translation>Archive testée avant d’être gardée</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Aperç&amp;u</translation>
    </message>
    <message>
        <source>Show the selected file&apos;s contents (text, a picture or hexadecimal) without extracting it</source>
        <translation>Afficher le contenu du fichier choisi (texte, image ou hexadécimal) sans l’extraire</translation>
    </message>
    <message>
        <source>Previewing %1</source>
        <translation>Aperçu de %1</translation>
    </message>
    <message>
        <source>Test &amp;Selected Entries</source>
        <translation>Tester les entrées c&amp;hoisies</translation>
    </message>
    <message>
        <source>Decode the selected entries (a folder with everything in it) and verify their checksums</source>
        <translation>Décoder les entrées choisies (un dossier avec tout ce qu’il contient) et vérifier leurs sommes de contrôle</translation>
    </message>
    <message numerus="yes">
        <source>Testing %n entries of %1</source>
        <translation>
            <numerusform>Test de %n entrée de %1</numerusform>
            <numerusform>Test de %n entrées de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Filtrer par nom</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Cop&amp;ier</translation>
    </message>
    <message>
        <source>Put the selected entries on the clipboard as files, to paste in a file manager</source>
        <translation>Mettre les entrées choisies dans le presse-papiers comme fichiers, à coller dans un gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>Cannot Copy</source>
        <translation>Copie impossible</translation>
    </message>
    <message numerus="yes">
        <source>Copying %n entries of %1</source>
        <translation>
            <numerusform>Copie de %n entrée de %1</numerusform>
            <numerusform>Copie de %n entrées de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The selection holds only symbolic links that lead outside it; copying leaves such links out.</source>
        <translation>La sélection ne contient que des liens symboliques qui mènent hors d’elle ; la copie laisse ces liens de côté.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n item(s): paste them in a file manager while this window is open.</source>
        <translation>
            <numerusform>%n élément copié : collez-le dans un gestionnaire de fichiers tant que cette fenêtre est ouverte.</numerusform>
            <numerusform>%n éléments copiés : collez-les dans un gestionnaire de fichiers tant que cette fenêtre est ouverte.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnz::ui::NewArchiveDialog</name>
    <message>
        <source>Create Archive</source>
        <translation>Créer une archive</translation>
    </message>
    <message>
        <source>Create a new archive from %1?</source>
        <translation>Créer une nouvelle archive à partir de %1 ?</translation>
    </message>
    <message numerus="yes">
        <source>Create a new archive from %n item(s)?</source>
        <translation>
            <numerusform>Créer une nouvelle archive à partir de %n élément ?</numerusform>
            <numerusform>Créer une nouvelle archive à partir de %n éléments ?</numerusform>
        </translation>
    </message>
    <message>
        <source>New Archive</source>
        <translation>Nouvelle archive</translation>
    </message>
    <message>
        <source>nnzip archives (*.nnz)</source>
        <translation>Archives nnzip (*.nnz)</translation>
    </message>
    <message>
        <source>&amp;Archive:</source>
        <translation>&amp;Archive :</translation>
    </message>
    <message>
        <source>&amp;Compression:</source>
        <translation>&amp;Compression :</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>C&amp;réer</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>archive</translation>
    </message>
    <message>
        <source>&amp;Encrypt with a password (contents and names)</source>
        <translation>&amp;Chiffrer avec un mot de passe (contenus et noms)</translation>
    </message>
    <message>
        <source>This nnzip was built without encryption (libsodium).</source>
        <translation>Ce nnzip a été compilé sans chiffrement (libsodium).</translation>
    </message>
    <message>
        <source>Add a recovery &amp;record of</source>
        <translation>Ajouter un en&amp;registrement de récupération de</translation>
    </message>
    <message>
        <source>Parity data with which Repair Archive rebuilds damaged parts of the archive exactly, up to about this share of its size</source>
        <translation>Données de parité avec lesquelles « Réparer l’archive » reconstruit exactement les parties endommagées de l’archive, jusqu’à environ cette part de sa taille</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Split into volumes of</source>
        <translation>&amp;Découper en volumes de</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>&amp;Delete the files once they are in the archive</source>
        <translation>&amp;Supprimer les fichiers une fois dans l’archive</translation>
    </message>
    <message>
        <source>Moves them into the archive: each file&apos;s content is verified in the finished archive first, and a file that changed meanwhile is kept.</source>
        <translation>Les déplace dans l’archive : le contenu de chaque fichier est d’abord vérifié dans l’archive terminée, et un fichier modifié entre-temps est conservé.</translation>
    </message>
    <message>
        <source>Not while Settings store what symbolic links point to: the files they lead to would be deleted.</source>
        <translation>Pas tant que les paramètres enregistrent ce que désignent les liens symboliques : les fichiers vers lesquels ils mènent seraient supprimés.</translation>
    </message>
    <message>
        <source>&amp;Test the archive before keeping it</source>
        <translation>&amp;Tester l&apos;archive avant de la garder</translation>
    </message>
    <message>
        <source>It is decoded and every checksum verified before it replaces anything; one that fails is not kept. It takes about as long again.</source>
        <translation>Elle est décodée et chaque somme de contrôle vérifiée avant qu&apos;elle ne remplace quoi que ce soit ; une archive qui échoue n&apos;est pas gardée. Cela prend à peu près autant de temps encore.</translation>
    </message>
    <message>
        <source>NAME.nnz.001, NAME.nnz.002, ...: for media, mail or upload limits. nnzip reads and changes them as one archive.</source>
        <translation>NAME.nnz.001, NAME.nnz.002, ... : pour les supports, le courriel ou les limites de téléversement. nnzip les lit et les modifie comme une seule archive.</translation>
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
        <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>nnz::ui::OverwriteBox</name>
    <message>
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <source>Never overwrite</source>
        <translation>Ne jamais écraser</translation>
    </message>
    <message>
        <source>Always overwrite</source>
        <translation>Toujours écraser</translation>
    </message>
    <message>
        <source>Keep existing files, extract the rest</source>
        <translation>Garder les fichiers existants, extraire le reste</translation>
    </message>
    <message>
        <source>Replace older files, keep newer ones</source>
        <translation>Remplacer les fichiers plus anciens, garder les plus récents</translation>
    </message>
    <message>
        <source>Keep both: extract under new names (a (2).txt)</source>
        <translation>Garder les deux : extraire sous de nouveaux noms (a (2).txt)</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PasswordDialog</name>
    <message>
        <source>Set Password</source>
        <translation>Définir le mot de passe</translation>
    </message>
    <message>
        <source>Choose a new password for %1, or remove its password.</source>
        <translation>Choisissez un nouveau mot de passe pour %1, ou retirez son mot de passe.</translation>
    </message>
    <message>
        <source>Encrypt %1 with a password: its contents and names.</source>
        <translation>Chiffrer %1 avec un mot de passe : contenus et noms.</translation>
    </message>
    <message>
        <source>Nothing is compressed again: this takes about as long as copying the archive.</source>
        <translation>Rien n’est recompressé : cela prend à peu près le temps de copier l’archive.</translation>
    </message>
    <message>
        <source>&amp;Remove the password (store the archive unencrypted)</source>
        <translation>&amp;Retirer le mot de passe (archive non chiffrée)</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PasswordFields</name>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>&amp;Répéter le mot de passe :</translation>
    </message>
    <message>
        <source>Choose a password. Without it the archive cannot be opened: it is not stored anywhere.</source>
        <translation>Choisissez un mot de passe. Sans lui, l’archive ne peut pas être ouverte : il n’est enregistré nulle part.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PreviewDialog</name>
    <message>
        <source>Preview — %1</source>
        <translation>Aperçu — %1</translation>
    </message>
    <message>
        <source>&amp;Wrap long lines</source>
        <translation>&amp;Renvoyer les longues lignes à la ligne</translation>
    </message>
    <message>
        <source>&amp;Open with Default Application</source>
        <translation>Ouvrir avec l’application par &amp;défaut</translation>
    </message>
    <message>
        <source>Text (%1)</source>
        <translation>Texte (%1)</translation>
    </message>
    <message>
        <source>Picture (%1, %2 × %3 pixels)</source>
        <translation>Image (%1, %2 × %3 pixels)</translation>
    </message>
    <message>
        <source>Binary data, shown in hexadecimal</source>
        <translation>Données binaires, affichées en hexadécimal</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The first %1 are shown; Open with Default Application shows it all.</source>
        <translation>Les %1 premiers sont affichés ; « Ouvrir avec l’application par défaut » montre tout.</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>Re&amp;chercher :</translation>
    </message>
    <message>
        <source>Enter: next, Shift+Enter: previous</source>
        <translation>Entrée : suivant, Maj+Entrée : précédent</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
</context>
<context>
    <name>nnz::ui::ProgressPanel</name>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Suspendre</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
        <source>Clo&amp;se</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>In %1 of %2 · out %3</source>
        <translation>Entrée %1 sur %2 · sortie %3</translation>
    </message>
    <message>
        <source>%1 of %2 decoded · from %3</source>
        <translation>%1 sur %2 décodés · depuis %3</translation>
    </message>
    <message>
        <source>%1/s · took %2</source>
        <translation>%1/s · durée %2</translation>
    </message>
    <message>
        <source>%1/s · ETA %2</source>
        <translation>%1/s · reste %2</translation>
    </message>
    <message>
        <source>%1 bpb overall · %2 current</source>
        <translation>%1 bits/octet au total · %2 en cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Nothing was left behind.</source>
        <translation>Rien n’a été laissé.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement : %1</translation>
    </message>
    <message>
        <source>Decoding old block %1 of %2: %3%</source>
        <translation>Décodage de l’ancien bloc %1 sur %2 : %3 %</translation>
    </message>
    <message>
        <source>Verifying before deleting the files: %1%</source>
        <translation>Vérification avant la suppression des fichiers : %1%</translation>
    </message>
    <message>
        <source>Testing the archive before keeping it: %1%</source>
        <translation>Test de l&apos;archive avant de la garder : %1 %</translation>
    </message>
</context>
<context>
    <name>nnz::ui::PropertiesDialog</name>
    <message>
        <source>Properties — %1</source>
        <translation>Propriétés — %1</translation>
    </message>
    <message>
        <source>Archive:</source>
        <translation>Archive :</translation>
    </message>
    <message>
        <source>File size:</source>
        <translation>Taille du fichier :</translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation>Entrées :</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>Contenu :</translation>
    </message>
    <message>
        <source>Packed:</source>
        <translation>Compressé :</translation>
    </message>
    <message>
        <source>%1 (%2 bits per byte)</source>
        <translation>%1 (%2 bits par octet)</translation>
    </message>
    <message>
        <source>Blocks:</source>
        <translation>Blocs :</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation>Modifié :</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Entrée :</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Symbolic link to %1</source>
        <translation>Lien symbolique vers %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille :</translation>
    </message>
    <message>
        <source>Bits per byte:</source>
        <translation>Bits par octet :</translation>
    </message>
    <message>
        <source>Checksum (XXH64):</source>
        <translation>Somme de contrôle (XXH64) :</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Permissions :</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>%1 (read-only; Archive ▸ Convert to .nnz makes an .nnz of it)</source>
        <translation>%1 (lecture seule ; Archive ▸ Convertir en .nnz en fait une archive .nnz)</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problème :</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Chiffrement :</translation>
    </message>
    <message>
        <source>XChaCha20-Poly1305, contents and names; key from the password by Argon2id</source>
        <translation>XChaCha20-Poly1305, contenus et noms ; clé tirée du mot de passe par Argon2id</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Recovery record:</source>
        <translation>Enregistrement de récupération :</translation>
    </message>
    <message>
        <source>%1% of the archive: Repair Archive rebuilds up to about that much damage</source>
        <translation>%1 % de l’archive : « Réparer l’archive » reconstruit jusqu’à environ autant de dommages</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n volume(s)</source>
        <translation>
            <numerusform>%1 en %n volume</numerusform>
            <numerusform>%1 en %n volumes</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder (implied by the names in it)</source>
        <translation>Dossier (déduit des noms qu’il contient)</translation>
    </message>
    <message>
        <source>Contains:</source>
        <translation>Contient :</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>File, a hard link to %1</source>
        <translation>Fichier, lien physique vers %1</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Propriétaire :</translation>
    </message>
    <message>
        <source>Access control list:</source>
        <translation>Liste de contrôle d’accès :</translation>
    </message>
    <message>
        <source>Extended attributes:</source>
        <translation>Attributs étendus :</translation>
    </message>
    <message>
        <source>an earlier version&apos;s model</source>
        <translation>le modèle d&apos;une version antérieure</translation>
    </message>
    <message>
        <source>Made with:</source>
        <translation>Créé avec :</translation>
    </message>
</context>
<context>
    <name>nnz::ui::SettingsDialog</name>
    <message>
        <source>nnzip Settings</source>
        <translation>Paramètres de nnzip</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>Processeur (CPU)</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>This build or machine has no CUDA support</source>
        <translation>Cette version ou cette machine ne prend pas en charge CUDA</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>Tous les cœurs (%1)</translation>
    </message>
    <message>
        <source>Next to the archive</source>
        <translation>À côté de l’archive</translation>
    </message>
    <message>
        <source>Default Extraction Folder</source>
        <translation>Dossier d’extraction par défaut</translation>
    </message>
    <message>
        <source>Default &amp;preset:</source>
        <translation>&amp;Préréglage par défaut :</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>P&amp;ériphérique :</translation>
    </message>
    <message>
        <source>Worker &amp;threads:</source>
        <translation>&amp;Threads de travail :</translation>
    </message>
    <message>
        <source>&amp;Extract to:</source>
        <translation>&amp;Extraire vers :</translation>
    </message>
    <message>
        <source>Existing &amp;files:</source>
        <translation>&amp;Fichiers existants :</translation>
    </message>
    <message>
        <source>Nothing, for example .git; *.o; node_modules</source>
        <translation>Rien, par exemple .git; *.o; node_modules</translation>
    </message>
    <message>
        <source>Names to leave out of new archives and added files, separated by &apos;;&apos;. A pattern without &apos;/&apos; is tried on every name (a folder goes with everything in it); one with &apos;/&apos; on the path from the top. * and ? stand for any characters or one.</source>
        <translation>Noms à omettre des nouvelles archives et des fichiers ajoutés, séparés par « ; ». Un motif sans « / » est comparé à chaque nom (un dossier avec tout son contenu) ; un motif avec « / » au chemin depuis le haut. * et ? remplacent des caractères quelconques ou un seul.</translation>
    </message>
    <message>
        <source>Leave &amp;out:</source>
        <translation>&amp;Omettre :</translation>
    </message>
    <message>
        <source>Leave out files that cannot be read, with a warning</source>
        <translation>Omettre les fichiers illisibles, avec un avertissement</translation>
    </message>
    <message>
        <source>Files without read permission, and names an archive cannot hold (not UTF-8). Unticked, such a file stops the job and no archive is written.</source>
        <translation>Fichiers sans droit de lecture, et noms qu’une archive ne peut pas contenir (pas en UTF-8). Décoché, un tel fichier arrête la tâche et aucune archive n’est écrite.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Parity data added to new archives, in percent of their size. With it, Repair Archive rebuilds damaged parts exactly: up to about that share of the archive.</source>
        <translation>Données de parité ajoutées aux nouvelles archives, en pourcentage de leur taille. Avec elles, « Réparer l’archive » reconstruit exactement les parties endommagées : jusqu’à environ cette part de l’archive.</translation>
    </message>
    <message>
        <source>&amp;Recovery record:</source>
        <translation>Enregistrement de &amp;récupération :</translation>
    </message>
    <message>
        <source>Store what symbolic links point to, not the links</source>
        <translation>Enregistrer ce que désignent les liens symboliques, pas les liens</translation>
    </message>
    <message>
        <source>A linked file is stored with its content, a linked folder with everything in it, under the link&apos;s name (nnzip a -L). Unticked, links are stored as links.</source>
        <translation>Un fichier lié est enregistré avec son contenu, un dossier lié avec tout ce qu’il contient, sous le nom du lien (nnzip a -L). Décoché, les liens sont enregistrés comme liens.</translation>
    </message>
    <message>
        <source>Leave out version control folders (.git, .svn, .hg, CVS…)</source>
        <translation>Laisser de côté les dossiers de gestion de versions (.git, .svn, .hg, CVS…)</translation>
    </message>
    <message>
        <source>The folders and files version control keeps, anywhere in the tree (nnzip a --exclude-vcs).</source>
        <translation>Les dossiers et fichiers de la gestion de versions, partout dans l’arborescence (nnzip a --exclude-vcs).</translation>
    </message>
    <message>
        <source>Leave out what cache folders hold (tagged with CACHEDIR.TAG)</source>
        <translation>Laisser de côté le contenu des dossiers de cache (marqués par CACHEDIR.TAG)</translation>
    </message>
    <message>
        <source>A folder holding a CACHEDIR.TAG is stored with that file only: caches can be made again (nnzip a --exclude-caches).</source>
        <translation>Un dossier contenant un CACHEDIR.TAG est enregistré avec ce seul fichier : les caches peuvent être refaits (nnzip a --exclude-caches).</translation>
    </message>
    <message>
        <source>Test archives before keeping them</source>
        <translation>Tester les archives avant de les garder</translation>
    </message>
    <message>
        <source>A new or changed archive is decoded and every checksum verified before it replaces anything; one that fails is not kept (nnzip a --test). It takes about as long again.</source>
        <translation>Une archive nouvelle ou modifiée est décodée et chaque somme de contrôle vérifiée avant qu&apos;elle ne remplace quoi que ce soit ; une archive qui échoue n&apos;est pas gardée (nnzip a --test). Cela prend à peu près autant de temps encore.</translation>
    </message>
    <message>
        <source>Stay on one file system (leave out what is mounted inside)</source>
        <translation>Rester sur un seul système de fichiers (laisser de côté ce qui y est monté)</translation>
    </message>
    <message>
        <source>A folder on which another disk, a network share or /proc is mounted is stored empty (nnzip a --one-file-system).</source>
        <translation>Un dossier sur lequel un autre disque, un partage réseau ou /proc est monté est stocké vide (nnzip a --one-file-system).</translation>
    </message>
    <message>
        <source>The character set of file names that are not UTF-8 in zips, tars and other archives made elsewhere (nnzip --name-charset). Automatic reads a zip&apos;s as Windows writes them (code page 437).</source>
        <translation>Le jeu de caractères des noms de fichiers qui ne sont pas en UTF-8 dans les zip, tar et autres archives faites ailleurs (nnzip --name-charset). Automatique lit ceux d’un zip comme Windows les écrit (page de code 437).</translation>
    </message>
    <message>
        <source>Japanese (CP932, Shift JIS)</source>
        <translation>Japonais (CP932, Shift JIS)</translation>
    </message>
    <message>
        <source>Chinese, simplified (CP936, GBK)</source>
        <translation>Chinois simplifié (CP936, GBK)</translation>
    </message>
    <message>
        <source>Chinese, traditional (CP950, Big5)</source>
        <translation>Chinois traditionnel (CP950, Big5)</translation>
    </message>
    <message>
        <source>Korean (CP949)</source>
        <translation>Coréen (CP949)</translation>
    </message>
    <message>
        <source>Cyrillic, DOS (CP866)</source>
        <translation>Cyrillique, DOS (CP866)</translation>
    </message>
    <message>
        <source>Cyrillic, Windows (CP1251)</source>
        <translation>Cyrillique, Windows (CP1251)</translation>
    </message>
    <message>
        <source>Western European, DOS (CP850)</source>
        <translation>Europe de l’Ouest, DOS (CP850)</translation>
    </message>
    <message>
        <source>Western European, Windows (CP1252)</source>
        <translation>Europe de l’Ouest, Windows (CP1252)</translation>
    </message>
    <message>
        <source>Central European (ISO-8859-2)</source>
        <translation>Europe centrale (ISO-8859-2)</translation>
    </message>
    <message>
        <source>Central European, Windows (CP1250)</source>
        <translation>Europe centrale, Windows (CP1250)</translation>
    </message>
    <message>
        <source>Greek (ISO-8859-7)</source>
        <translation>Grec (ISO-8859-7)</translation>
    </message>
    <message>
        <source>&amp;Names in other archives:</source>
        <translation>&amp;Noms dans les autres archives :</translation>
    </message>
    <message>
        <source>Leave out what folders marked with a .nobackup file hold</source>
        <translation>Laisser de côté le contenu des dossiers marqués par un fichier .nobackup</translation>
    </message>
    <message>
        <source>A folder holding a file named .nobackup is stored with that file only (nnzip a --exclude-tag .nobackup).</source>
        <translation>Un dossier qui contient un fichier nommé .nobackup est enregistré avec ce seul fichier (nnzip a --exclude-tag .nobackup).</translation>
    </message>
    <message>
        <source>Extract to</source>
        <translation>Extraire vers</translation>
    </message>
</context>
<context>
    <name>nnz::ui::TrayNotifier</name>
    <message>
        <source>Click to open the folder.</source>
        <translation>Cliquez pour ouvrir le dossier.</translation>
    </message>
</context>
<context>
    <name>nnzip-gui</name>
    <message>
        <source>Neural-network archiver</source>
        <translation>Archiveur à réseau de neurones</translation>
    </message>
    <message>
        <source>Extract each ARCHIVE into DIR.</source>
        <translation>Extraire chaque ARCHIVE dans DOSSIER.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DOSSIER</translation>
    </message>
    <message>
        <source>Create ARCHIVE from the given paths.</source>
        <translation>Créer ARCHIVE à partir des chemins indiqués.</translation>
    </message>
    <message>
        <source>ARCHIVE</source>
        <translation>ARCHIVE</translation>
    </message>
    <message>
        <source>Archive to open.</source>
        <translation>Archive à ouvrir.</translation>
    </message>
    <message>
        <source>[ARCHIVE | PATH...]</source>
        <translation>[ARCHIVE | CHEMIN...]</translation>
    </message>
    <message>
        <source>use only one of --extract-here, --extract-to and --compress-to</source>
        <translation>n’utilisez qu’une seule des options --extract-here, --extract-to et --compress-to</translation>
    </message>
    <message>
        <source>nothing to do: give ARCHIVE or PATH arguments</source>
        <translation>rien à faire : indiquez des arguments ARCHIVE ou CHEMIN</translation>
    </message>
    <message>
        <source>With --compress-to: ask for a password and encrypt the archive.</source>
        <translation>Avec --compress-to : demander un mot de passe et chiffrer l’archive.</translation>
    </message>
    <message>
        <source>--encrypt goes with --compress-to</source>
        <translation>--encrypt va avec --compress-to</translation>
    </message>
    <message>
        <source>Extract each ARCHIVE next to it: the one folder it holds as that folder, anything else into a folder named after it.</source>
        <translation>Extraire chaque ARCHIVE à côté d’elle : le seul dossier qu’elle contient tel quel, tout le reste dans un dossier portant son nom.</translation>
    </message>
</context>
</TS>
