#include "main_window.hpp"

#include "existing_files.hpp"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QSet>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTemporaryDir>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <filesystem>
#include <memory>

#include "edited_files.hpp"
#include "entries_model.hpp"
#include "extract_dialog.hpp"
#include "entries_proxy.hpp"
#include "error.hpp"
#include "container/archive_file.hpp"
#include "container/archive_repair.hpp"
#include "container/recovery_record.hpp"
#include "interop/archive_export.hpp"
#include "interop/convert.hpp"
#include "interop/opened_archive.hpp"
#include "extract_targets.hpp"
#include "outside_links_question.hpp"
#include "password_dialog.hpp"
#include "password_question.hpp"
#include "preview_content.hpp"
#include "preview_dialog.hpp"
#include "job_messages.hpp"
#include "jobs/edit_job.hpp"
#include "jobs/file_start.hpp"
#include "jobs/compare_job.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/extract_job.hpp"
#include "notifications.hpp"
#include "progress_panel.hpp"
#include "properties_dialog.hpp"

namespace nnz::ui {
namespace fs = std::filesystem;
namespace {

fs::path toPath(const QString& path) { return fs::path(QDir::fromNativeSeparators(path).toStdString()); }

// The selected entries as extracted into folder (those left out, links leading outside, are not
// there), for a drag or the clipboard.
QList<QUrl> extractedItems(const QString& folder, const QStringList& entries)
{
    QList<QUrl> urls;
    for (const QString& entry : entries) {
        const QFileInfo extracted(QDir(folder).filePath(entry));
        if (extracted.exists() || extracted.isSymLink()) urls << QUrl::fromLocalFile(extracted.filePath());
    }
    return urls;
}

std::vector<fs::path> toPaths(const QStringList& paths)
{
    std::vector<fs::path> result;
    for (const QString& p : paths) result.push_back(toPath(p));
    return result;
}

std::vector<std::string> toStrings(const QStringList& list)
{
    std::vector<std::string> result;
    for (const QString& s : list) result.push_back(s.toStdString());
    return result;
}

bool isNnzName(const QString& path) { return path.endsWith(QLatin1String(".nnz"), Qt::CaseInsensitive); }

// An .nnz by name (a damaged one is opened too, to say what is wrong) or by its magic bytes; a
// foreign archive by content, tried only for names that suggest one, so that an ordinary dropped
// file is not scanned to its end.
bool isArchiveFile(const QString& path)
{
    if (!QFileInfo(path).isFile()) return false;
    if (isNnzName(path) || nnz::has_nnz_magic(toPath(path))) return true;
    static const QStringList suffixes = {"zip", "tar", "tgz", "tbz2", "txz", "tzst", "gz", "bz2", "xz", "zst",
                                         "7z", "rar", "cpio", "iso", "cab", "lha", "lzh", "xar", "ar", "deb"};
    if (!suffixes.contains(QFileInfo(path).suffix().toLower())) return false;
    try {
        (void)nnz::open_archive(toPath(path));
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

QStringList localPaths(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls()) return paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    return paths;
}

// Drops only items whose folder is not itself in the list: "a" covers "a/b".
QStringList withoutDescendants(QStringList paths)
{
    paths.sort();
    QStringList kept;
    for (const QString& p : paths) {
        if (!kept.isEmpty() && (p == kept.last() || p.startsWith(kept.last() + QLatin1Char('/')))) continue;
        kept << p;
    }
    return kept;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("nnzip"));
    setWindowIcon(QIcon::fromTheme(QStringLiteral("package-x-generic"), style()->standardIcon(QStyle::SP_DriveHDIcon)));
    setAcceptDrops(true);
    runner_ = new JobRunner(this);
    edited_ = new EditedFiles(this);
    connect(edited_, &EditedFiles::saved, this, &MainWindow::offerToUpdateEditedFile);

    model_ = new EntriesModel(this);
    proxy_ = new EntriesProxy(this);
    proxy_->setSourceModel(model_);

    view_ = new EntriesView(this);
    view_->setAccessibleName(tr("Entries"));  // a screen reader's name for the list (it has no label)
    view_->setModel(proxy_);
    view_->sortByColumn(EntriesModel::Name, Qt::AscendingOrder);
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(EntriesModel::Name, QHeaderView::Stretch);
    for (int c = EntriesModel::Size; c < EntriesModel::ColumnCount; ++c)
        view_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    view_->setMimeProvider([this] { return extractSelectionForDrag(); });
    connect(view_, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(view_, &EntriesView::fileActivated, this, [this] { openWithDefaultApp(); });

    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter by name…"));
    filter_->setAccessibleName(tr("Filter by name"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, this, &MainWindow::applyFilter);

    auto* listPage = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(4, 4, 4, 0);
    listLayout->addWidget(filter_);
    listLayout->addWidget(view_, 1);

    auto* emptyPage = new QLabel(this);
    emptyPage->setAlignment(Qt::AlignCenter);
    emptyPage->setWordWrap(true);
    emptyPage->setText(tr("<p style='font-size:large'>Drop files or folders here to create an archive,</p>"
                          "<p>or drop an archive (<b>.nnz</b>, zip, tar, 7z…) to open it (File ▸ Open, Ctrl+O).</p>"));
    emptyPage->setEnabled(false);

    pages_ = new QStackedWidget(this);
    pages_->addWidget(emptyPage);
    pages_->addWidget(listPage);
    notification_ = new NotificationBar(this);
    tray_ = new TrayNotifier(windowIcon(), this);
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(notification_);
    centralLayout->addWidget(pages_, 1);
    setCentralWidget(central);

    // Jobs: one progress panel per job in a dock at the bottom, shown when a job is queued.
    auto* jobsDock = new QDockWidget(tr("Jobs"), this);
    jobsDock->setObjectName(QStringLiteral("jobsDock"));
    jobsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    auto* scroll = new QScrollArea(jobsDock);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    jobs_widget_ = new QWidget(scroll);
    jobs_layout_ = new QVBoxLayout(jobs_widget_);
    jobs_layout_->addStretch(1);
    scroll->setWidget(jobs_widget_);
    jobsDock->setWidget(scroll);
    addDockWidget(Qt::BottomDockWidgetArea, jobsDock);
    jobsDock->hide();

    connect(runner_, &JobRunner::jobAdded, this, [this, jobsDock](Job* job) {
        auto* panel = new ProgressPanel(job, jobs_widget_);
        jobs_layout_->insertWidget(jobs_layout_->count() - 1, panel);
        connect(panel, &ProgressPanel::closeRequested, panel, [this, panel, jobsDock] {
            Job* finished = panel->job();
            panel->deleteLater();
            if (finished && finished->finished()) finished->deleteLater();
            if (progressPanels().size() <= 1) jobsDock->hide();
        });
        if (jobsDock->isHidden()) {
            jobsDock->show();
            // Room for one whole panel; more panels scroll.
            resizeDocks({jobsDock}, {std::min(panel->sizeHint().height() + 40, height() / 2)}, Qt::Vertical);
        }
    });
    connect(runner_, &JobRunner::jobFinished, this, &MainWindow::onJobFinished);

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("summary"));
    statusBar()->addPermanentWidget(summary_);
    selection_summary_ = new QLabel(this);
    selection_summary_->setObjectName(QStringLiteral("selectionSummary"));
    statusBar()->addWidget(selection_summary_, 1);
    buildActions();
    buildMenus();
    updateActions();
    resize(900, 560);
    restoreLayout();
}

// The window's size and place and the list's columns (shown, widths, sorting) last time it
// closed; QSettings like AppSettings.
void MainWindow::restoreLayout()
{
    const QSettings store;
    if (const QByteArray geometry = store.value(QStringLiteral("window/geometry")).toByteArray(); !geometry.isEmpty())
        restoreGeometry(geometry);
    view_->restoreColumns(store);
}

void MainWindow::saveLayout() const
{
    QSettings store;
    store.setValue(QStringLiteral("window/geometry"), saveGeometry());
    view_->saveColumns(store);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    // The desktop's icon theme first (freedesktop names: Breeze, Adwaita...), the style's own
    // icons where there is none, chosen among those drawn at toolbar size too.
    auto make = [this](const QString& text, const char* themeIcon, QStyle::StandardPixmap icon, const QKeySequence& key, auto slot) {
        auto* action = new QAction(QIcon::fromTheme(QLatin1String(themeIcon), style()->standardIcon(icon)), text, this);
        action->setShortcutContext(Qt::WindowShortcut);
        if (!key.isEmpty()) action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    new_action_ = make(tr("&New…"), "document-new", QStyle::SP_FileDialogNewFolder, QKeySequence::New, &MainWindow::newArchive);
    new_action_->setToolTip(tr("Create a new archive from files"));
    new_from_folder_action_ = make(tr("New from &Folder…"), "folder-new", QStyle::SP_DirIcon, QKeySequence(tr("Ctrl+Shift+N")),
                                   &MainWindow::newArchiveFromFolder);
    new_from_folder_action_->setToolTip(tr("Create a new archive of a folder and everything in it"));
    open_action_ = make(tr("&Open…"), "document-open", QStyle::SP_DialogOpenButton, QKeySequence::Open, &MainWindow::openDialog);
    close_action_ = make(tr("&Close Archive"), "document-close", QStyle::SP_DialogCloseButton, QKeySequence::Close, &MainWindow::closeArchive);
    add_action_ = make(tr("&Add Files…"), "list-add", QStyle::SP_FileIcon, QKeySequence(tr("Ctrl+Shift+A")), &MainWindow::addFilesDialog);
    add_action_->setIconText(tr("Add"));
    add_folder_action_ = make(tr("Add &Folder…"), "folder-add", QStyle::SP_DirIcon, QKeySequence(tr("Ctrl+Shift+D")), &MainWindow::addFolderDialog);
    delete_action_ = make(tr("&Delete from Archive"), "edit-delete", QStyle::SP_TrashIcon, QKeySequence::Delete, &MainWindow::deleteSelection);
    delete_action_->setToolTip(tr("Remove the selected entries from the archive"));
    rename_action_ = make(tr("&Rename…"), "edit-rename", QStyle::SP_FileDialogContentsView, QKeySequence(Qt::Key_F2), &MainWindow::renameSelection);
    rename_action_->setToolTip(tr("Give the selected entry another name (a folder moves with everything in it)"));
    password_action_ = make(tr("Set &Password…"), "dialog-password", QStyle::SP_VistaShield, QKeySequence(), &MainWindow::passwordDialog);
    password_action_->setToolTip(tr("Encrypt the archive with a password, change its password or remove it"));
    recovery_action_ = make(tr("Recovery Re&cord…"), "drive-harddisk", QStyle::SP_DriveHDIcon, QKeySequence(), &MainWindow::recoveryDialog);
    recovery_action_->setToolTip(tr("Add, change or remove the parity data with which Repair Archive rebuilds damaged parts"));
    extract_action_ = make(tr("&Extract"), "archive-extract", QStyle::SP_ArrowDown, QKeySequence(tr("Ctrl+E")), &MainWindow::extractHere);
    extract_action_->setToolTip(tr("Extract the selection (or everything) to the default folder"));
    extract_to_action_ = make(tr("Extract &To…"), "folder-open", QStyle::SP_DirIcon, QKeySequence(tr("Ctrl+Shift+E")), &MainWindow::extractToDialog);
    open_with_action_ = make(tr("Open with &Default Application"), "system-run", QStyle::SP_FileLinkIcon, QKeySequence(), &MainWindow::openWithDefaultApp);
    preview_action_ = make(tr("Pre&view"), "document-preview", QStyle::SP_FileDialogContentsView, QKeySequence(Qt::Key_F3), &MainWindow::previewSelection);
    preview_action_->setToolTip(tr("Show the selected file's contents (text, a picture or hexadecimal) without extracting it"));
    copy_action_ = make(tr("Cop&y"), "edit-copy", QStyle::SP_FileIcon, QKeySequence::Copy, &MainWindow::copySelection);
    copy_action_->setToolTip(tr("Put the selected entries on the clipboard as files, to paste in a file manager"));
    test_action_ = make(tr("&Test"), "dialog-ok-apply", QStyle::SP_DialogApplyButton, QKeySequence(tr("Ctrl+T")), &MainWindow::testArchive);
    test_action_->setToolTip(tr("Decode everything and verify every checksum"));
    test_selection_action_ = make(tr("Test &Selected Entries"), "dialog-ok-apply", QStyle::SP_DialogApplyButton, QKeySequence(),
                                  &MainWindow::testSelection);
    test_selection_action_->setToolTip(tr("Decode the selected entries (a folder with everything in it) and verify their checksums"));
    compare_action_ = make(tr("Co&mpare with Folder…"), "edit-find", QStyle::SP_FileDialogContentsView, QKeySequence(), &MainWindow::compareDialog);
    compare_action_->setToolTip(tr("Tell which files on disk differ from the archive (an .nnz by its checksums, without decoding)"));
    convert_action_ = make(tr("&Convert to .nnz…"), "document-save-as", QStyle::SP_DialogSaveButton, QKeySequence(), &MainWindow::convertDialog);
    export_action_ = make(tr("E&xport As…"), "document-export", QStyle::SP_DialogSaveButton, QKeySequence(), &MainWindow::exportDialog);
    export_action_->setToolTip(tr("Write the entries of this archive as a zip, 7z or tar for people without nnzip"));
    convert_action_->setIconText(tr("Convert to .nnz"));
    convert_action_->setToolTip(tr("Write the entries of this archive into a new .nnz archive"));
    repair_action_ = make(tr("&Repair Archive…"), "tools-wizard", QStyle::SP_BrowserReload, QKeySequence(), &MainWindow::repairDialog);
    repair_action_->setToolTip(tr("Recover what a damaged or cut-off archive still holds into a new archive"));
    properties_action_ = make(tr("&Properties"), "document-properties", QStyle::SP_FileDialogInfoView, QKeySequence(tr("Alt+Return")), &MainWindow::showProperties);
    settings_action_ = make(tr("&Settings…"), "preferences-system", QStyle::SP_FileDialogDetailedView, QKeySequence::Preferences, &MainWindow::showSettings);
    if (settings_action_->shortcut().isEmpty()) settings_action_->setShortcut(QKeySequence(tr("Ctrl+,")));
    quit_action_ = make(tr("&Quit"), "application-exit", QStyle::SP_DialogCloseButton, QKeySequence::Quit, &MainWindow::close);
    // Stable names, for tests and for anyone scripting the window.
    const std::pair<QAction*, const char*> names[] = {
        {new_action_, "newAction"},           {new_from_folder_action_, "newFromFolderAction"},           {open_action_, "openAction"},         {close_action_, "closeAction"},
        {add_action_, "addAction"},           {add_folder_action_, "addFolderAction"}, {delete_action_, "deleteAction"},
        {rename_action_, "renameAction"},     {password_action_, "passwordAction"}, {recovery_action_, "recoveryAction"}, {export_action_, "exportAction"},
        {extract_action_, "extractAction"},
        {extract_to_action_, "extractToAction"}, {open_with_action_, "openWithAction"}, {preview_action_, "previewAction"}, {copy_action_, "copyAction"}, {test_action_, "testAction"}, {test_selection_action_, "testSelectionAction"}, {compare_action_, "compareAction"},
        {properties_action_, "propertiesAction"}, {settings_action_, "settingsAction"}, {quit_action_, "quitAction"},
        {repair_action_, "repairAction"}};
    for (const auto& [action, name] : names) action->setObjectName(QLatin1String(name));

    // Space in the list opens the preview and closes it again, as Quick Look does (only there:
    // elsewhere Space is typed).
    auto* quickLook = new QAction(view_);
    quickLook->setObjectName(QStringLiteral("quickLookAction"));
    quickLook->setShortcut(QKeySequence(Qt::Key_Space));
    quickLook->setShortcutContext(Qt::WidgetShortcut);
    connect(quickLook, &QAction::triggered, this, [this] {
        if (preview_ && preview_->isVisible()) preview_->close();
        else previewSelection();
    });
    view_->addAction(quickLook);
    auto* focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, filter_, [this] { filter_->setFocus(); filter_->selectAll(); });
    addAction(focusFilter);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateSelectionSummary);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::previewFollowsSelection);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(new_action_);
    file->addAction(new_from_folder_action_);
    file->addAction(open_action_);
    recent_menu_ = file->addMenu(tr("Open &Recent"));
    connect(recent_menu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addAction(close_action_);
    file->addAction(repair_action_);
    file->addSeparator();
    file->addAction(properties_action_);
    file->addSeparator();
    file->addAction(quit_action_);

    QMenu* archive = menuBar()->addMenu(tr("&Archive"));
    archive->addAction(add_action_);
    archive->addAction(add_folder_action_);
    archive->addAction(rename_action_);
    archive->addAction(delete_action_);
    archive->addAction(password_action_);
    archive->addAction(recovery_action_);
    archive->addSeparator();
    archive->addAction(extract_action_);
    archive->addAction(extract_to_action_);
    archive->addAction(open_with_action_);
    archive->addAction(preview_action_);
    archive->addAction(copy_action_);
    archive->addSeparator();
    archive->addAction(test_action_);
    archive->addAction(test_selection_action_);
    archive->addAction(compare_action_);
    archive->addAction(convert_action_);
    archive->addAction(export_action_);

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(settings_action_);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About nnzip"), this, [this] {
        QMessageBox::about(this, tr("About nnzip"),
                           tr("<b>nnzip %1</b><p>An archiver whose compression engine is a neural network "
                              "trained online while it codes, with exact integer arithmetic so every archive "
                              "decodes bit-exactly everywhere.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    tools->setMovable(false);
    for (QAction* action : {new_action_, open_action_, convert_action_, add_action_, extract_action_, extract_to_action_,
                            test_action_, properties_action_})
        tools->addAction(action);
}

void MainWindow::updateActions()
{
    const bool open = model_->isOpen();
    const bool oneFile = selectedFileEntry() >= 0;
    for (QAction* action : {close_action_, add_action_, add_folder_action_, extract_action_, extract_to_action_,
                            test_action_, properties_action_})
        action->setEnabled(open);
    // Foreign archives are read-only; converting them is what they offer instead of adding.
    const bool foreign = open && model_->isForeign();
    add_action_->setEnabled(open && !foreign);
    add_folder_action_->setEnabled(open && !foreign);
    delete_action_->setEnabled(open && !foreign && view_->selectionModel()->hasSelection());
    rename_action_->setEnabled(open && !foreign && view_->selectionModel()->selectedRows().size() == 1);
    password_action_->setEnabled(open && !foreign);
    recovery_action_->setEnabled(open && !foreign);
    compare_action_->setEnabled(open);
    convert_action_->setEnabled(foreign);
    export_action_->setEnabled(open);
    convert_action_->setVisible(foreign);
    open_with_action_->setEnabled(open && oneFile);
    preview_action_->setEnabled(open && oneFile);
    test_selection_action_->setEnabled(open && view_->selectionModel()->hasSelection());
    copy_action_->setEnabled(open && view_->selectionModel()->hasSelection());
}

void MainWindow::updateSelectionSummary()
{
    if (!view_ || !view_->selectionModel()) return;
    EntriesModel::FolderContents selected;
    for (const QString& path : selectedEntryPaths()) {
        const QModelIndex item = model_->indexOfPath(path);
        if (model_->isFolder(item)) {
            const auto inside = model_->folderContents(item);
            selected.files += inside.files;
            selected.folders += 1 + inside.folders;
            selected.size += inside.size;
        } else if (const int entry = model_->entryIndexOf(item); entry >= 0) {
            selected.files += 1;
            selected.size += model_->entry(entry).size;
        }
    }
    if (selected.files == 0 && selected.folders == 0) {
        selection_summary_->clear();
        return;
    }
    selection_summary_->setText(
        tr("Selected: %1 · %2").arg(EntriesModel::contentsText(selected), formatBytes(double(selected.size))));
}

void MainWindow::updateSummary()
{
    updateSelectionSummary();  // a reload leaves nothing selected
    if (!model_->isOpen()) {
        summary_->clear();
        return;
    }
    const double size = double(model_->totalSize());
    const double packed = model_->totalPacked();
    if (model_->isForeign()) {
        summary_->setText(tr("%n entries · %1 · %2 archive, read-only", nullptr, model_->entryCount())
                              .arg(formatBytes(size), model_->foreignFormat()));
        return;
    }
    summary_->setText(tr("%n entries · %1 → %2", nullptr, model_->entryCount())
                          .arg(formatBytes(size), formatBytes(packed)) +
                      (size > 0 ? tr(" · %1 bpb").arg(8 * packed / size, 0, 'f', 3) : QString()) +
                      (model_->isEncrypted() ? tr(" · encrypted") : QString()) +
                      (model_->recoveryPercent() > 0 ? tr(" · recovery record %1%").arg(model_->recoveryPercent()) : QString()) +
                      (model_->rebuiltBytes() > 0 ? tr(" · damaged: read through its recovery record (Repair Archive mends it)")
                                                  : QString()));
}

bool MainWindow::openArchive(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // A foreign archive is read header by header (a compressed tar to its end): that can take a moment.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    struct RestoreCursor {
        ~RestoreCursor() { QApplication::restoreOverrideCursor(); }
    } restore;
    const QString fileName = QFileInfo(absolute).fileName();
    const auto known = passwords_.find(absolute);
    nnz::Passphrase passphrase = known != passwords_.end() ? known->second : nnz::Passphrase();
    // False for a wrong or missing password; throws for everything else.
    const auto opens = [&](const nnz::Passphrase& candidate) {
        try {
            model_->load(toPath(absolute), candidate);
            passphrase = candidate;
            return true;
        } catch (const nnz::Error& e) {
            if (e.code() != nnz::ErrorCode::Password) throw;
            return false;
        }
    };
    // A foreign archive lists without a password; its encrypted entries need one to be read.
    const auto foreignOpens = [&](const nnz::Passphrase& candidate) {
        try {
            nnz::open_archive(toPath(absolute), nullptr, candidate)->foreign()->check_passphrase();
        } catch (const nnz::Error& e) {
            if (e.code() != nnz::ErrorCode::Password) throw;
            return false;
        }
        return opens(candidate);
    };
    // Asks with the normal cursor; each try shows the wait cursor while it reads.
    const auto ask = [&](const std::function<bool(const nnz::Passphrase&)>& tryIt) {
        QApplication::restoreOverrideCursor();
        const bool answered = askArchivePassword(this, fileName, password_handler_, [&](const nnz::Passphrase& p) {
                                  QApplication::setOverrideCursor(Qt::WaitCursor);
                                  struct Restore {
                                      ~Restore() { QApplication::restoreOverrideCursor(); }
                                  } restore;
                                  return tryIt(p);
                              }).has_value();
        QApplication::setOverrideCursor(Qt::WaitCursor);
        return answered;
    };
    // Reopened after an edit: the folders that were open stay open, the files opened with other
    // applications stay watched.
    const QStringList expanded = archivePath() == absolute ? expandedFolders() : QStringList();
    if (archivePath() != absolute) edited_->clear();
    try {
        if (!opens(passphrase)) {
            if (!ask(opens)) {  // cancelled: nothing to report
                closeArchive();
                return false;
            }
        } else if (model_->isForeign() && model_->isEncrypted() && passphrase.empty()) {
            (void)ask(foreignOpens);  // cancelled: listed, but its encrypted entries cannot be read
        }
    } catch (const nnz::Error& e) {
        closeArchive();
        const JobMessage message = JobMessages::cannotOpen(absolute, e.code(), QString::fromStdString(e.what()));
        showError(message.title, message.text);
        return false;
    } catch (const std::exception& e) {
        closeArchive();
        const JobMessage message = JobMessages::cannotOpen(absolute, nnz::ErrorCode::Internal, QString::fromStdString(e.what()));
        showError(message.title, message.text);
        return false;
    }
    pages_->setCurrentIndex(1);
    if (model_->isEncrypted()) passwords_[absolute] = passphrase;
    setWindowTitle(model_->isForeign()     ? tr("%1 (read-only) — nnzip").arg(fileName)
                   : model_->isEncrypted() ? tr("%1 (encrypted) — nnzip").arg(fileName)
                                           : tr("%1 — nnzip").arg(fileName));
    setWindowFilePath(absolute);
    AppSettings::noteRecentArchive(absolute);
    updateSummary();
    updateActions();
    applyFilter(filter_->text());
    for (const QString& folder : expanded) view_->expand(proxy_->mapFromSource(model_->indexOfPath(folder)));
    view_->resizeColumnToContents(EntriesModel::Name);
    emit archiveOpened(absolute);
    return true;
}

void MainWindow::closeArchive()
{
    edited_->clear();
    model_->clear();
    filter_->clear();
    pages_->setCurrentIndex(0);
    setWindowTitle(tr("nnzip"));
    setWindowFilePath({});
    updateSummary();
    updateActions();
}

QString MainWindow::archivePath() const
{
    return model_->isOpen() ? QString::fromStdString(model_->archive().string()) : QString();
}

void MainWindow::handleDroppedPaths(const QStringList& paths, const QString& into)
{
    if (paths.isEmpty()) return;
    // A dropped .nnz is opened; so is a foreign archive, unless an .nnz is open (it is then added
    // to it like any other file). Dropped on a folder of the open archive, it goes into it.
    const bool intoFolder = model_->isOpen() && !model_->isForeign() && !into.isEmpty();
    if (!intoFolder && paths.size() == 1 && (!model_->isOpen() || model_->isForeign() || isNnzName(paths.first())) &&
        isArchiveFile(paths.first())) {
        openArchive(paths.first());
        return;
    }
    if (model_->isForeign()) {
        showError(tr("Read-Only Archive"),
                  tr("%1 is a %2 archive, which nnzip only reads. Convert it to .nnz first (Archive ▸ Convert to .nnz).")
                      .arg(QFileInfo(archivePath()).fileName(), model_->foreignFormat()));
        return;
    }
    if (model_->isOpen()) {
        addToArchive(paths, into);
        return;
    }
    // Nothing open: ask where the new archive goes and how hard to compress (non-blocking, so the
    // drop returns to the file manager at once).
    newArchiveFrom(paths);
}

void MainWindow::newArchiveFrom(const QStringList& inputs)
{
    if (inputs.isEmpty()) return;
    auto* dialog = new NewArchiveDialog(inputs, NewArchiveDialog::suggestedArchiveFor(inputs), AppSettings::load().preset, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRecoveryPercent(AppSettings::load().recoveryPercent);
    dialog->allowRemovingFiles(!AppSettings::load().followSymlinks);
    dialog->setTestArchive(AppSettings::load().testArchives);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        closeArchive();  // the new archive opens when it is done
        createArchive(dialog->archivePath(), dialog->inputs(), dialog->preset(), dialog->password(), dialog->recoveryPercent(),
                      dialog->volumeSize(), dialog->removeFiles(), dialog->testArchive());
    });
    dialog->open();
}

Job* MainWindow::enqueue(Job::Kind kind, const QString& title, Job::Work work, const QString& resultFolder)
{
    return runner_->enqueue(kind, title, std::move(work), resultFolder);
}

Job* MainWindow::createArchive(const QString& chosenName, const QStringList& inputs, const QString& preset,
                               const QString& password, int recoveryPercent, quint64 volumeSize, bool removeFiles,
                               std::optional<bool> test)
{
    if (chosenName.isEmpty() || inputs.isEmpty()) return nullptr;
    const auto place = placeForNewArchive(chosenName, volumeSize, AppSettings::load().overwrite, [this](const QString& existing) {
        return ask(tr("Replace Archive?"), tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(existing)));
    });
    if (!place) return nullptr;
    const QString& archive = place->path;
    nnz::CompressOptions options = AppSettings::load().newArchiveOptions(preset);
    if (recoveryPercent >= 0) options.recovery_percent = unsigned(recoveryPercent);
    // A .zip, .7z or .tar.* is written as that format, which holds no recovery record.
    const auto standard = nnz::export_format_for(toPath(archive));
    if (standard) options.recovery_percent.reset();
    options.volume_size = volumeSize;
    options.test = test.value_or(options.test);
    options.remove_files = removeFiles;
    options.overwrite = place->overwrite;
    options.passphrase = nnz::Passphrase(password.toStdString());
    if (!password.isEmpty()) passwords_[QFileInfo(archive).absoluteFilePath()] = options.passphrase;
    Job* job = enqueue(Job::Kind::Create, tr("Creating %1").arg(QFileInfo(archive).fileName()),
                       [archive = toPath(archive), inputs = toPaths(inputs), options](nnz::JobControl& control) {
                           nnz::compress_paths(archive, inputs, AppSettings::warningTo(options, control), control);
                       },
                       QFileInfo(archive).absolutePath());
    job->setProperty("archive", QFileInfo(archive).absoluteFilePath());
    job->setDetails(standard ? tr("Written as a %1, for other tools").arg(QString::fromUtf8(nnz::export_format_name(*standard).data(), qsizetype(nnz::export_format_name(*standard).size())))
                             : AppSettings::describe(options));
    return job;
}

Job* MainWindow::addToArchive(const QStringList& inputs, const QString& into)
{
    if (!model_->isOpen() || model_->isForeign() || inputs.isEmpty()) return nullptr;  // foreign: read-only
    const QString archive = archivePath();
    nnz::CompressOptions options = AppSettings::load().compressOptions();
    options.passphrase = model_->passphrase();
    options.into = into.toStdString();
    const QString title = into.isEmpty()
                              ? tr("Adding %n item(s) to %1", nullptr, int(inputs.size())).arg(QFileInfo(archive).fileName())
                              : tr("Adding %n item(s) to %1 in %2", nullptr, int(inputs.size())).arg(into, QFileInfo(archive).fileName());
    Job* job = enqueue(Job::Kind::Add, title,
                       [archive = toPath(archive), inputs = toPaths(inputs), options](nnz::JobControl& control) {
                           nnz::add_paths(archive, inputs, AppSettings::warningTo(options, control), control);
                       },
                       QFileInfo(archive).absolutePath());
    job->setProperty("archive", archive);
    job->setDetails(AppSettings::describe(options));
    return job;
}

Job* MainWindow::deleteEntries(const QStringList& entries)
{
    if (!model_->isOpen() || model_->isForeign() || entries.isEmpty()) return nullptr;
    const QString archive = archivePath();
    const QString what = entries.size() == 1 ? entries.first() : tr("%n entries", nullptr, int(entries.size()));
    if (!ask(tr("Delete from Archive?"), tr("Delete %1 from %2? This cannot be undone.").arg(what, QFileInfo(archive).fileName())))
        return nullptr;
    nnz::CompressOptions options = AppSettings::load().compressOptions();
    options.exclude.clear();  // nothing is walked: only the choice of how to compress again applies
    options.passphrase = model_->passphrase();
    Job* job = enqueue(Job::Kind::Delete, tr("Deleting %n item(s) from %1", nullptr, int(entries.size())).arg(QFileInfo(archive).fileName()),
                       [archive = toPath(archive), names = toStrings(entries), options](nnz::JobControl& control) {
                           nnz::delete_entries(archive, names, AppSettings::warningTo(options, control), control);
                       },
                       QFileInfo(archive).absolutePath());
    job->setProperty("archive", archive);
    job->setDetails(AppSettings::describe(options));
    return job;
}

// The details line of a job that copies every block (rename, password, recovery record) when
// Settings ask for archives to be tested before they are kept.
QString MainWindow::testedDetails() { return tr("Every block copied as it is; tested before it is kept"); }

Job* MainWindow::renameEntry(const QString& from, const QString& to)
{
    if (!model_->isOpen() || model_->isForeign() || from.isEmpty() || to.isEmpty() || from == to) return nullptr;
    const QString archive = archivePath();
    const bool test = AppSettings::load().testArchives;
    Job* job = enqueue(Job::Kind::Rename, tr("Renaming %1 to %2").arg(from, to),
                       [archive = toPath(archive), from = from.toStdString(), to = to.toStdString(),
                        passphrase = model_->passphrase(), test](nnz::JobControl& control) {
                           nnz::rename_entry(archive, from, to, control, passphrase, test);
                       },
                       QFileInfo(archive).absolutePath());
    job->setProperty("archive", archive);
    if (test) job->setDetails(testedDetails());
    return job;
}

Job* MainWindow::changePassword(const QString& newPassword)
{
    if (!model_->isOpen() || model_->isForeign()) return nullptr;
    if (newPassword.isEmpty() && !model_->isEncrypted()) return nullptr;  // nothing to remove
    const QString archive = archivePath();
    const nnz::Passphrase replacement(newPassword.toStdString());
    const bool test = AppSettings::load().testArchives;
    Job* job = enqueue(Job::Kind::Password,
                       newPassword.isEmpty() ? tr("Removing the password of %1").arg(QFileInfo(archive).fileName())
                                             : tr("Setting the password of %1").arg(QFileInfo(archive).fileName()),
                       [archive = toPath(archive), current = model_->passphrase(), replacement, test](nnz::JobControl& control) {
                           nnz::change_password(archive, current, replacement, control, test);
                       },
                       QFileInfo(archive).absolutePath());
    job->setProperty("archive", archive);
    if (test) job->setDetails(testedDetails());
    // Before the runner reopens the archive: with the new password, without asking.
    connect(job, &Job::finishedWith, this, [this, archive, replacement](Job::State state) {
        if (state != Job::State::Succeeded) return;
        if (replacement.empty()) passwords_.erase(archive);
        else passwords_[archive] = replacement;
    });
    return job;
}

Job* MainWindow::setRecoveryRecord(int percent)
{
    if (!model_->isOpen() || model_->isForeign() || percent < 0) return nullptr;
    if (percent == 0 && model_->recoveryPercent() == 0) return nullptr;  // nothing to remove
    const QString archive = archivePath();
    const QString name = QFileInfo(archive).fileName();
    const bool test = AppSettings::load().testArchives;
    Job* job = enqueue(Job::Kind::Recovery,
                       percent == 0 ? tr("Removing the recovery record of %1").arg(name)
                                    : tr("Adding a recovery record of %1% to %2").arg(percent).arg(name),
                       [archive = toPath(archive), percent, passphrase = model_->passphrase(), test](nnz::JobControl& control) {
                           nnz::set_recovery_record(archive, unsigned(percent), control, passphrase, test);
                       },
                       QFileInfo(archive).absolutePath());
    job->setProperty("archive", archive);
    if (test) job->setDetails(testedDetails());
    return job;
}

void MainWindow::recoveryDialog()
{
    if (!model_->isOpen() || model_->isForeign()) return;
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Recovery Record"));
    dialog->setLabelText(tr("Recovery record of %1, in percent of its size (0 removes it).\nWith it, Repair Archive "
                            "rebuilds damaged parts exactly, up to about that share of the archive:")
                             .arg(QFileInfo(archivePath()).fileName()));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(0, int(nnz::kMaxRecoveryPercent));
    const int current = model_->recoveryPercent();
    dialog->setIntValue(current > 0 ? current : std::max(AppSettings::load().recoveryPercent, 5));
    connect(dialog, &QInputDialog::intValueSelected, this, [this, current](int percent) {
        if (percent != current) setRecoveryRecord(percent);
    });
    dialog->open();
}

void MainWindow::passwordDialog()
{
    if (!model_->isOpen() || model_->isForeign()) return;
    auto* dialog = new PasswordDialog(QFileInfo(archivePath()).fileName(), model_->isEncrypted(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->removesPassword() || !dialog->password().isEmpty()) changePassword(dialog->password());
    });
    dialog->open();
}

QString MainWindow::suggestedRepairedFor(const QString& damaged)
{
    const QFileInfo info(damaged);
    QString base = info.fileName();
    if (base.endsWith(QLatin1String(".nnz"), Qt::CaseInsensitive)) base.chop(4);
    QString candidate = info.dir().filePath(tr("%1 (repaired)").arg(base) + QStringLiteral(".nnz"));
    for (int n = 2; QFileInfo::exists(candidate) || QFileInfo(candidate).isSymLink(); ++n)
        candidate = info.dir().filePath(tr("%1 (repaired %2)").arg(base).arg(n) + QStringLiteral(".nnz"));
    return candidate;
}

Job* MainWindow::repairArchive(const QString& damaged, const QString& output)
{
    if (damaged.isEmpty() || output.isEmpty()) return nullptr;
    // An encrypted one: its password first (checked against its key, which needs only its headers).
    nnz::Passphrase passphrase;
    if (nnz::is_encrypted_nnz(toPath(damaged))) {
        const auto answer = askArchivePassword(this, QFileInfo(damaged).fileName(), password_handler_,
                                               [&](const nnz::Passphrase& candidate) {
                                                   try {
                                                       (void)nnz::archive_key(toPath(damaged), candidate);
                                                       return true;
                                                   } catch (const nnz::Error& e) {
                                                       return e.code() != nnz::ErrorCode::Password;  // the job says
                                                   }
                                               });
        if (!answer) return nullptr;
        passphrase = *answer;
        passwords_[QFileInfo(output).absoluteFilePath()] = passphrase;  // the result opens without asking
    }
    auto report = std::make_shared<nnz::RepairReport>();
    const bool test = AppSettings::load().testArchives;
    Job* job = enqueue(Job::Kind::Create, tr("Repairing %1").arg(QFileInfo(damaged).fileName()),
                       [damaged = toPath(damaged), output = toPath(output), report, passphrase, test](nnz::JobControl& control) {
                           nnz::WrittenCheck check;
                           if (test)
                               check = [&passphrase](const std::filesystem::path& written, nnz::JobControl& c) {
                                   nnz::test_before_keeping(written, passphrase, c);
                               };
                           *report = nnz::repair_archive(damaged, output, false, control, passphrase, check);
                       },
                       QFileInfo(output).absolutePath());
    if (test) job->setDetails(tr("Tested before it is kept"));
    job->setProperty("archive", QFileInfo(output).absoluteFilePath());
    job->setProperty("source", archivePath());  // shown when done, unless another archive was opened meanwhile
    // finishedWith comes before the runner's jobFinished, which then shows this line.
    connect(job, &Job::finishedWith, this, [job, report](Job::State state) {
        if (state != Job::State::Succeeded) return;
        if (report->restored) {
            job->setProperty("summary", report->damaged_bytes > 0
                                            ? tr("restored from its recovery record (%1 rebuilt)")
                                                  .arg(formatBytes(double(report->rebuilt_bytes)))
                                        : report->record_damaged ? tr("its damaged recovery record was written anew")
                                                                 : tr("nothing was damaged"));
            return;
        }
        QString summary = tr("%n entries recovered", nullptr, int(report->entries_kept));
        if (!report->entries_lost.empty())
            summary += tr("; %n lost (%1 ...)", nullptr, int(report->entries_lost.size()))
                           .arg(QString::fromStdString(report->entries_lost.front()));
        job->setProperty("summary", summary);
    });
    return job;
}

void MainWindow::repairDialog()
{
    const QString damaged = QFileDialog::getOpenFileName(this, tr("Repair Archive"), QFileInfo(archivePath()).absolutePath(),
                                                         tr("nnzip archives (*.nnz);;All files (*)"));
    if (!damaged.isEmpty()) repairArchive(damaged, suggestedRepairedFor(damaged));
}

void MainWindow::renameSelection()
{
    const QStringList selected = selectedEntryPaths();
    if (selected.size() != 1) return;
    const QString to = askText(tr("Rename"), tr("New name for %1 (with / for folders):").arg(selected.first()), selected.first());
    if (!to.isEmpty()) renameEntry(selected.first(), to);
}

QString MainWindow::askText(const QString& title, const QString& label, const QString& text)
{
    if (text_handler_) return text_handler_(title, label, text);
    bool ok = false;
    const QString answer = QInputDialog::getText(this, title, label, QLineEdit::Normal, text, &ok);
    return ok ? answer : QString();
}

Job* MainWindow::extractEntries(const QString& destination, const QStringList& entries, int stripComponents,
                                std::optional<AppSettings::Overwrite> overwrite)
{
    if (!model_->isOpen() || destination.isEmpty() || stripComponents < 0) return nullptr;
    const AppSettings::Overwrite policy = overwrite.value_or(AppSettings::load().overwrite);
    // The entries chosen, named as they will be written.
    std::vector<nnz::EntryInfo> chosen;
    for (int i = 0; i < model_->entryCount(); ++i) {
        if (!isSelected(QString::fromStdString(model_->entry(i).path), entries)) continue;
        nnz::EntryInfo e = model_->entry(i);
        if (stripComponents > 0 && (e.path = nnz::stripped(e.path, unsigned(stripComponents))).empty()) continue;
        chosen.push_back(std::move(e));
    }
    nnz::ExistingFiles existingFiles = existingFilesFor(policy);
    if (policy == AppSettings::Overwrite::Ask) {
        // Ask once, up front, when any target is already there; the core refuses otherwise.
        const QString existing = firstExistingTarget(chosen, destination);
        if (!existing.isEmpty()) {
            const auto answer = askAboutExistingFiles(
                this,
                tr("Some files already exist in %1 (%2 and maybe more). Replace them, keep them and extract the rest, "
                   "or keep both (the archive's under new names, such as \"a (2).txt\")?")
                    .arg(QDir::toNativeSeparators(destination), existing),
                choice_handler_);
            if (!answer) return nullptr;
            existingFiles = *answer;
        }
    }
    const QString archive = archivePath();
    // What the notification opens: the one folder the entries came in, else the destination.
    const TopLevel top = topLevelOf(chosen);
    const QString extractedFolder = top.isFolder ? QDir(destination).filePath(top.name) : destination;
    nnz::OutsideLinks outsideLinks = nnz::OutsideLinks::Refuse;
    if (const auto links = nnz::links_leading_outside(chosen, toPath(destination)); !links.empty()) {
        const auto answer = askAboutOutsideLinks(this, links, QFileInfo(archive).fileName(), destination, choice_handler_);
        if (!answer) return nullptr;
        outsideLinks = *answer;
    }
    return enqueue(Job::Kind::Extract,
                   tr("Extracting %1 to %2").arg(QFileInfo(archive).fileName(), QDir::toNativeSeparators(destination)),
                   [archive = toPath(archive), dest = toPath(destination), names = toStrings(entries),
                    existing = existingFiles, outsideLinks, passphrase = model_->passphrase(),
                    strip = unsigned(stripComponents)](nnz::JobControl& control) {
                       reportExtractionWarnings(nnz::extract_archive(archive, dest, names, existing, control, outsideLinks, passphrase, strip),
                                       control);
                   },
                   extractedFolder);
}

Job* MainWindow::testArchive()
{
    if (!model_->isOpen()) return nullptr;
    const QString archive = archivePath();
    auto summary = std::make_shared<nnz::TestSummary>();
    Job* job = enqueue(Job::Kind::Test, tr("Testing %1").arg(QFileInfo(archive).fileName()),
                       [archive = toPath(archive), passphrase = model_->passphrase(), summary](nnz::JobControl& control) {
                           *summary = nnz::test_archive(archive, control, passphrase);
                       });
    // finishedWith comes before the runner's jobFinished, whose message then names the record.
    connect(job, &Job::finishedWith, job, [job, summary](Job::State state) {
        if (state == Job::State::Succeeded) job->setProperty("recoveryRecordChecked", summary->recovery_percent > 0);
    });
    return job;
}

Job* MainWindow::testSelection()
{
    const QStringList selection = selectedEntryPaths();
    if (!model_->isOpen() || selection.isEmpty()) return nullptr;
    const QString archive = archivePath();
    Job* job = enqueue(Job::Kind::Test, tr("Testing %n entries of %1", nullptr, int(selection.size())).arg(QFileInfo(archive).fileName()),
                       [archive = toPath(archive), names = toStrings(selection), passphrase = model_->passphrase()](nnz::JobControl& control) {
                           nnz::test_entries(archive, names, control, passphrase);
                       });
    job->setProperty("archive", archive);
    job->setProperty("testedSelection", true);
    return job;
}

Job* MainWindow::compareWithFolder(const QString& folder)
{
    if (!model_->isOpen() || folder.isEmpty()) return nullptr;
    const QString archive = archivePath();
    auto found = std::make_shared<std::vector<nnz::Difference>>();
    Job* job = enqueue(Job::Kind::Compare,
                       tr("Comparing %1 with %2").arg(QFileInfo(archive).fileName(), QDir::toNativeSeparators(folder)),
                       [archive = toPath(archive), base = toPath(folder), passphrase = model_->passphrase(), found](nnz::JobControl& control) {
                           *found = nnz::compare_with_disk(archive, base, {}, control, passphrase);
                       });
    job->setProperty("comparedFolder", folder);
    // finishedWith comes before the runner's jobFinished, whose message then counts these.
    connect(job, &Job::finishedWith, job, [job, found](Job::State state) {
        if (state != Job::State::Succeeded) return;
        QStringList lines;
        for (const auto& difference : *found) lines << QString::fromStdString(nnz::describe(difference));
        job->setProperty("differences", lines);
    });
    return job;
}

void MainWindow::compareDialog()
{
    if (!model_->isOpen()) return;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Compare with Folder (the folder the archive was made in)"),
                                                             QFileInfo(archivePath()).absolutePath());
    if (!folder.isEmpty()) compareWithFolder(folder);
}

QString MainWindow::suggestedNnzFor(const QString& foreignArchive)
{
    const QFileInfo info(foreignArchive);
    QString base = info.fileName();
    // "a.tar.gz" -> "a", "a.tgz" -> "a", "a.zip" -> "a"
    if (const int dot = base.lastIndexOf(QLatin1Char('.')); dot > 0) base.truncate(dot);
    if (base.endsWith(QLatin1String(".tar"), Qt::CaseInsensitive)) base.chop(4);
    return info.dir().filePath(base + QStringLiteral(".nnz"));
}

Job* MainWindow::convertArchive(const QString& output)
{
    if (!model_->isForeign() || output.isEmpty()) return nullptr;
    nnz::CompressOptions options = AppSettings::load().newArchiveOptions();
    options.overwrite = QFileInfo::exists(output);
    // Encrypted entries are read with the password, and the .nnz is encrypted with it (as `convert -p`).
    options.passphrase = model_->passphrase();
    if (!options.passphrase.empty()) passwords_[QFileInfo(output).absoluteFilePath()] = options.passphrase;
    const QString source = archivePath();
    auto report = std::make_shared<nnz::ConversionReport>();
    Job* job = enqueue(Job::Kind::Create, tr("Converting %1 to %2").arg(QFileInfo(source).fileName(), QFileInfo(output).fileName()),
                       [input = toPath(source), output = toPath(output), options, report](nnz::JobControl& control) {
                           *report = nnz::convert_archive(input, output, AppSettings::warningTo(options, control), control);
                       },
                       QFileInfo(output).absolutePath());
    job->setProperty("archive", QFileInfo(output).absoluteFilePath());
    job->setProperty("source", source);
    // finishedWith comes before the runner's jobFinished, which then shows this line.
    connect(job, &Job::finishedWith, this, [job, report](Job::State state) {
        if (state == Job::State::Succeeded) job->setProperty("summary", QString::fromStdString(nnz::describe(*report)));
    });
    return job;
}

Job* MainWindow::exportArchive(const QString& output)
{
    const auto format = nnz::export_format_for(toPath(output));
    if (!model_->isOpen() || !format) return nullptr;
    const QString source = archivePath();
    auto report = std::make_shared<nnz::ExportReport>();
    const bool test = AppSettings::load().testArchives;
    Job* job = enqueue(Job::Kind::Export, tr("Exporting %1 as %2").arg(QFileInfo(source).fileName(), QFileInfo(output).fileName()),
                       [input = toPath(source), output = toPath(output), format = *format, passphrase = model_->passphrase(),
                        report, test](nnz::JobControl& control) {
                           // The file dialog has asked before replacing an existing file.
                           *report = nnz::export_archive(input, output, format, {}, true, control, passphrase, test);
                       },
                       QFileInfo(output).absolutePath());
    if (test) job->setDetails(tr("Tested before it is kept"));
    job->setProperty("archive", QFileInfo(output).absoluteFilePath());
    connect(job, &Job::finishedWith, this, [job, report, output](Job::State state) {
        if (state != Job::State::Succeeded) return;
        const QString size = formatBytes(double(QFileInfo(output).size()));
        job->setProperty("summary", report->encrypted ? tr("%1, encrypted with the archive's password").arg(size) : size);
    });
    return job;
}

void MainWindow::exportDialog()
{
    if (!model_->isOpen()) return;
    QString chosenFilter;
    const QStringList filters{tr("Zip archives (*.zip)"), tr("7-Zip archives (*.7z)"), tr("Tar archives, xz (*.tar.xz)"),
                              tr("Tar archives, gzip (*.tar.gz)"), tr("Tar archives, zstd (*.tar.zst)"), tr("Tar archives (*.tar)")};
    const QStringList suffixes{QStringLiteral(".zip"), QStringLiteral(".7z"), QStringLiteral(".tar.xz"), QStringLiteral(".tar.gz"),
                               QStringLiteral(".tar.zst"), QStringLiteral(".tar")};
    QString base = suggestedNnzFor(archivePath());
    base.chop(4);  // ".nnz"
    QString output = QFileDialog::getSaveFileName(this, tr("Export As"), base + suffixes.first(), filters.join(QStringLiteral(";;")),
                                                  &chosenFilter);
    if (output.isEmpty()) return;
    // A name without a format's suffix gets the one of the filter chosen.
    if (!nnz::export_format_for(toPath(output))) output += suffixes.value(std::max<qsizetype>(0, filters.indexOf(chosenFilter)));
    exportArchive(output);
}

void MainWindow::convertDialog()
{
    if (!model_->isForeign()) return;
    const QString output = QFileDialog::getSaveFileName(this, tr("Convert to .nnz"), suggestedNnzFor(archivePath()),
                                                        tr("nnzip archives (*.nnz)"));
    if (output.isEmpty()) return;
    // The file dialog has already asked before replacing an existing file.
    convertArchive(output);
}

void MainWindow::closePanelOf(Job* job)
{
    for (ProgressPanel* panel : progressPanels())
        if (panel->job() == job) emit panel->closeRequested();
}

void MainWindow::onJobFinished(Job* job)
{
    const QString archive = job->property("archive").toString();
    const QString name = archive.isEmpty() ? QFileInfo(archivePath()).fileName() : QFileInfo(archive).fileName();
    if (job->state() == Job::State::Cancelled) {
        if (job->property("superseded").toBool()) return closePanelOf(job);  // a preview a newer one replaced
        statusBar()->showMessage(tr("%1: cancelled; nothing was left behind.").arg(job->title()), 8000);
        return;
    }
    if (job->state() == Job::State::Failed) {
        JobMessage message = JobMessages::failure(*job, name);
        // Damage in an archive with a recovery record: Repair gives it back whole.
        const QString source = archive.isEmpty() ? archivePath() : archive;
        if (job->errorCode() == nnz::ErrorCode::Data && !source.isEmpty() && nnz::has_recovery_record(toPath(source)))
            message.text += QStringLiteral("\n\n") +
                            tr("%1 has a recovery record: File ▸ Repair Archive… rebuilds it as it was made.").arg(name);
        showError(message.title, message.text);
        return;
    }
    // "Open with" and Preview say nothing when they worked: what they opened is the answer, and
    // their panels go with it rather than piling up as one looks through files.
    if (job->kind() == Job::Kind::Other) return closePanelOf(job);
    // A created or changed archive is shown, unless another one was opened meanwhile (a
    // conversion replaces the foreign archive it came from).
    if ((job->kind() == Job::Kind::Create || job->kind() == Job::Kind::Add || job->kind() == Job::Kind::Delete ||
         job->kind() == Job::Kind::Rename || job->kind() == Job::Kind::Password || job->kind() == Job::Kind::Recovery) &&
        (!model_->isOpen() || archivePath() == archive || archivePath() == job->property("source").toString()))
        openArchive(archive);
    JobMessage message = JobMessages::success(*job, name);
    if (const QStringList differences = job->property("differences").toStringList(); !differences.isEmpty()) {
        // A list to read, not a notification that goes by: non-modal, so the window stays usable.
        auto* box = new QMessageBox(QMessageBox::Information, message.title, message.text, QMessageBox::Close, this);
        box->setObjectName(QStringLiteral("differencesMessage"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setInformativeText(tr("A folder's time is not compared: it changes with what is in it."));
        box->setDetailedText(differences.join(QLatin1Char('\n')));
        box->setModal(false);
        box->show();
    }
    if (const QString summary = job->property("summary").toString(); !summary.isEmpty())
        message.text = tr("%1 is ready: %2").arg(name, summary);
    notify(message.title, message.text, job->kind() == Job::Kind::Test ? QString() : job->resultFolder());
}

void MainWindow::notify(const QString& title, const QString& text, const QString& folder)
{
    statusBar()->showMessage(text, 10000);
    notification_->showMessage(title, text, folder);
    // On the desktop too when people are looking elsewhere.
    if (!isActiveWindow()) tray_->notify(title, text, folder);
}

void MainWindow::showError(const QString& title, const QString& text)
{
    emit errorShown(text);
    if (error_handler_) {
        error_handler_(title, text);
        return;
    }
    // Window-modal and non-blocking: no nested event loop inside a job's completion.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool MainWindow::ask(const QString& title, const QString& text)
{
    if (question_handler_) return question_handler_(title, text);
    return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::No) == QMessageBox::Yes;
}

QList<ProgressPanel*> MainWindow::progressPanels() const { return jobs_widget_->findChildren<ProgressPanel*>(); }
QWidget* MainWindow::jobsWidget() const { return jobs_widget_; }

QStringList MainWindow::selectedEntryPaths() const
{
    QStringList paths;
    for (const QModelIndex& index : view_->selectionModel()->selectedRows())
        paths << index.data(EntriesModel::PathRole).toString();
    return withoutDescendants(paths);
}

QString MainWindow::sessionTempFolder(const QString& prefix)
{
    if (!session_temp_) session_temp_ = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("nnzip-XXXXXX")));
    if (!session_temp_->isValid()) return {};
    const QString folder = session_temp_->filePath(QStringLiteral("%1-%2").arg(prefix).arg(++temp_serial_));
    return QDir().mkpath(folder) ? folder : QString();
}

QMimeData* MainWindow::extractSelectionForDrag()
{
    const QStringList entries = selectedEntryPaths();
    if (!model_->isOpen() || entries.isEmpty()) return nullptr;
    const QString folder = sessionTempFolder(QStringLiteral("drag"));
    if (folder.isEmpty()) {
        showError(tr("Cannot Drag"), tr("Could not create a temporary folder."));
        return nullptr;
    }
    // Synchronous on purpose: the file manager needs the files when the drop happens, and
    // QDrag::exec() gives no later moment to produce them.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        nnz::JobControl control;
        // No question in the middle of a drag: links leading outside are left out.
        nnz::extract_archive(model_->archive(), toPath(folder), toStrings(entries), true, control, nnz::OutsideLinks::Skip,
                             model_->passphrase());
    } catch (const std::exception& e) {
        QApplication::restoreOverrideCursor();
        showError(tr("Cannot Drag"), tr("Could not extract the selection:\n%1").arg(QString::fromStdString(e.what())));
        return nullptr;
    }
    QApplication::restoreOverrideCursor();
    const QList<QUrl> urls = extractedItems(folder, entries);
    if (urls.isEmpty()) {
        showError(tr("Cannot Drag"), tr("The selection holds only symbolic links that lead outside it; dragging "
                                        "leaves such links out."));
        return nullptr;
    }
    auto* mime = new QMimeData;
    mime->setUrls(urls);
    return mime;
}

Job* MainWindow::copySelection()
{
    const QStringList entries = selectedEntryPaths();
    if (!model_->isOpen() || entries.isEmpty()) return nullptr;
    const QString folder = sessionTempFolder(QStringLiteral("copy"));
    if (folder.isEmpty()) {
        showError(tr("Cannot Copy"), tr("Could not create a temporary folder."));
        return nullptr;
    }
    const QString archive = archivePath();
    // A job, unlike a drag (which needs the files at once): a large selection does not hold up
    // the window. Links leading outside are left out, as in a drag.
    Job* job = enqueue(Job::Kind::Other, tr("Copying %n entries of %1", nullptr, int(entries.size())).arg(QFileInfo(archive).fileName()),
                       [archive = model_->archive(), dest = toPath(folder), names = toStrings(entries),
                        passphrase = model_->passphrase()](nnz::JobControl& control) {
                           nnz::extract_archive(archive, dest, names, true, control, nnz::OutsideLinks::Skip, passphrase);
                       });
    job->setProperty("archive", archive);
    connect(job, &Job::finishedWith, this, [this, folder, entries](Job::State state) {
        if (state != Job::State::Succeeded) return;
        const QList<QUrl> urls = extractedItems(folder, entries);
        if (urls.isEmpty()) {
            showError(tr("Cannot Copy"), tr("The selection holds only symbolic links that lead outside it; copying "
                                            "leaves such links out."));
            return;
        }
        auto* mime = new QMimeData;
        mime->setUrls(urls);
        // What GNOME's Files, Nemo, Caja and Thunar paste from (Dolphin takes the list of URLs).
        QByteArray copied("copy");
        for (const QUrl& url : urls) copied += '\n' + url.toEncoded();
        mime->setData(QStringLiteral("x-special/gnome-copied-files"), copied);
        QGuiApplication::clipboard()->setMimeData(mime);
        statusBar()->showMessage(tr("Copied %n item(s): paste them in a file manager while this window is open.", nullptr,
                                    int(urls.size())),
                                 10000);
    });
    return job;
}

QString MainWindow::defaultExtractFolder(const QStringList& selection) const
{
    const AppSettings settings = AppSettings::load();
    const QFileInfo archive(archivePath());
    std::vector<nnz::EntryInfo> chosen;
    for (int i = 0; i < model_->entryCount(); ++i)
        if (isSelected(QString::fromStdString(model_->entry(i).path), selection)) chosen.push_back(model_->entry(i));
    return extractFolderFor(chosen, settings.extractFolder.isEmpty() ? archive.absolutePath() : settings.extractFolder,
                            archive.completeBaseName());
}

QString MainWindow::dropFolderAt(const QPoint& position) const
{
    if (!model_->isOpen() || model_->isForeign() || pages_->currentIndex() != 1) return {};
    const QPoint at = view_->viewport()->mapFrom(this, position);
    if (!view_->viewport()->rect().contains(at)) return {};
    QModelIndex item = view_->indexAt(at).siblingAtColumn(0);
    if (item.isValid() && !item.data(EntriesModel::IsFolderRole).toBool()) item = item.parent();
    return item.isValid() ? item.data(EntriesModel::PathRole).toString() : QString();
}

QString MainWindow::selectedFolder() const
{
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    if (rows.size() != 1 || !rows.first().data(EntriesModel::IsFolderRole).toBool()) return {};
    return rows.first().data(EntriesModel::PathRole).toString();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    // Our own drags out of the list must not come back in as an "add".
    if (event->source() != view_ && !localPaths(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->source() == view_ || localPaths(event->mimeData()).isEmpty()) return;
    event->acceptProposedAction();
    // Says where the files would go: a folder under the pointer takes them.
    if (!model_->isOpen() || model_->isForeign()) return;
    const QString folder = dropFolderAt(event->position().toPoint());
    statusBar()->showMessage(folder.isEmpty() ? tr("Drop to add to %1").arg(QFileInfo(archivePath()).fileName())
                                              : tr("Drop to add to %1 in %2").arg(folder, QFileInfo(archivePath()).fileName()));
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent*) { statusBar()->clearMessage(); }

void MainWindow::dropEvent(QDropEvent* event)
{
    if (event->source() == view_) return;
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    statusBar()->clearMessage();
    const QString into = dropFolderAt(event->position().toPoint());
    // Handled after the drop returns, so the source application is not kept waiting.
    QMetaObject::invokeMethod(this, [this, paths, into] { handleDroppedPaths(paths, into); }, Qt::QueuedConnection);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (runner_->busy()) {
        if (!ask(tr("Jobs Running"), tr("Jobs are still running. Cancel them and quit?"))) {
            event->ignore();
            return;
        }
        runner_->cancelAll();
    }
    // A file opened with another application and saved after this can no longer go back, and its
    // copy goes with the window's temporary folder.
    if (const QStringList open = edited_->watchedFiles(); !open.isEmpty() &&
        !ask(tr("Files Still Open"),
             tr("%n file(s) of the archive opened in other applications (%1) can no longer be put back into it "
                "once nnzip closes, and the copies are removed. Close anyway?",
                nullptr, int(open.size()))
                 .arg(QFileInfo(open.first()).fileName()))) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void MainWindow::newArchive()
{
    newArchiveFrom(QFileDialog::getOpenFileNames(this, tr("Files for the New Archive"), QDir::homePath()));
}

void MainWindow::newArchiveFromFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for the New Archive"), QDir::homePath());
    if (!folder.isEmpty()) newArchiveFrom({folder});
}

void MainWindow::openDialog()
{
    const QString start = model_->isOpen() ? QFileInfo(archivePath()).absolutePath() : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Archive"), start,
                                                      tr("Archives (*.nnz *.nnz.001 *.zip *.tar *.tgz *.gz *.bz2 *.xz *.zst *.7z "
                                                         "*.rar *.cpio *.iso);;nnzip archives (*.nnz *.nnz.001);;All files (*)"));
    if (!path.isEmpty()) openArchive(path);
}

void MainWindow::rebuildRecentMenu()
{
    recent_menu_->clear();
    const QStringList recent = AppSettings::recentArchives();
    for (const QString& path : recent) {
        QAction* action = recent_menu_->addAction(QDir::toNativeSeparators(path), this, [this, path] { openArchive(path); });
        action->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty()) recent_menu_->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::addFilesDialog()
{
    const QString into = selectedFolder();
    const QStringList files = QFileDialog::getOpenFileNames(this, into.isEmpty() ? tr("Add Files") : tr("Add Files to %1").arg(into),
                                                            QFileInfo(archivePath()).absolutePath());
    if (!files.isEmpty()) addToArchive(files, into);
}

void MainWindow::addFolderDialog()
{
    const QString into = selectedFolder();
    const QString folder = QFileDialog::getExistingDirectory(this, into.isEmpty() ? tr("Add Folder") : tr("Add Folder to %1").arg(into),
                                                             QFileInfo(archivePath()).absolutePath());
    if (!folder.isEmpty()) addToArchive({folder}, into);
}

void MainWindow::deleteSelection() { deleteEntries(selectedEntryPaths()); }

void MainWindow::extractHere()
{
    const QStringList selection = selectedEntryPaths();
    extractEntries(defaultExtractFolder(selection), selection);
}

void MainWindow::extractToDialog()
{
    const AppSettings settings = AppSettings::load();
    const QStringList selection = selectedEntryPaths();
    auto* dialog = new ExtractDialog(defaultExtractFolder(selection), selection, settings.overwrite, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, selection] {
        AppSettings::noteRecentExtractFolder(dialog->folder());
        extractEntries(dialog->folder(), selection, dialog->stripComponents(), dialog->overwrite());
    });
    dialog->open();
}

Job* MainWindow::openWithDefaultApp()
{
    const int entryIndex = selectedFileEntry();
    return entryIndex < 0 ? nullptr : openEntryWithDefaultApp(QString::fromStdString(model_->entry(entryIndex).path));
}

int MainWindow::selectedFileEntry() const
{
    if (!model_->isOpen()) return -1;
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    if (rows.size() != 1) return -1;
    const int entryIndex = model_->entryIndexOf(proxy_->mapToSource(rows.first()));
    return entryIndex >= 0 && model_->entry(entryIndex).type == nnz::EntryType::File ? entryIndex : -1;  // a folder opens in the list
}

Job* MainWindow::previewSelection()
{
    const int entryIndex = selectedFileEntry();
    if (entryIndex < 0) return nullptr;
    const nnz::EntryInfo& entry = model_->entry(entryIndex);
    const QString name = QString::fromStdString(entry.path);
    const QString archive = archivePath();
    const qint64 limit = previewLimit(name, qint64(entry.size));
    if (preview_job_ && !preview_job_->finished()) {  // one looking through files wants the last one
        preview_job_->setProperty("superseded", true);
        preview_job_->cancel();
    }
    auto preview = std::make_shared<PreviewContent>();  // written by the worker, read once it has finished
    Job* job = enqueue(Job::Kind::Other, tr("Previewing %1").arg(name),
                       [archive = toPath(archive), path = entry.path, limit, preview, passphrase = model_->passphrase()](nnz::JobControl& control) {
                           const nnz::FileStart start = nnz::read_file_start(archive, path, uint64_t(limit), control, passphrase);
                           *preview = makePreview(QByteArray(start.bytes.data(), qsizetype(start.bytes.size())), qint64(start.size));
                       });
    job->setProperty("archive", archive);
    preview_job_ = job;
    connect(job, &Job::finishedWith, this, [this, preview, name, archive](Job::State state) {
        if (state != Job::State::Succeeded || archivePath() != archive) return;
        // One window for the archive, showing each file chosen next (as Quick Look does).
        if (preview_ && preview_->property("archive").toString() == archive) {
            preview_->setContent(name, std::move(*preview));
            return;
        }
        auto* dialog = new PreviewDialog(name, std::move(*preview), this);
        dialog->setObjectName(QStringLiteral("previewDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setProperty("archive", archive);
        dialog->setAttribute(Qt::WA_ShowWithoutActivating);  // the list keeps the keys: arrows go on through it
        connect(dialog, &PreviewDialog::openRequested, this, [this, archive](const QString& path) {
            if (archivePath() == archive) openEntryWithDefaultApp(path);
        });
        preview_ = dialog;
        dialog->show();
        activateWindow();  // where the window manager gave it the focus all the same
    });
    return job;
}

void MainWindow::previewFollowsSelection()
{
    if (!preview_ || !preview_->isVisible() || preview_->property("archive").toString() != archivePath()) return;
    const int entryIndex = selectedFileEntry();
    if (entryIndex >= 0 && QString::fromStdString(model_->entry(entryIndex).path) != preview_->entryPath()) previewSelection();
}

Job* MainWindow::openEntryWithDefaultApp(const QString& entryPath)
{
    if (!model_->isOpen()) return nullptr;
    const int entryIndex = model_->entryIndexOf(model_->indexOfPath(entryPath));
    if (entryIndex < 0 || model_->entry(entryIndex).type != nnz::EntryType::File) return nullptr;
    const nnz::EntryInfo& entry = model_->entry(entryIndex);
    const QString folder = sessionTempFolder(QStringLiteral("open"));
    if (folder.isEmpty()) {
        showError(tr("Cannot Open"), tr("Could not create a temporary folder."));
        return nullptr;
    }
    const QString name = QString::fromStdString(entry.path);
    const QString target = QDir(folder).filePath(name);
    const QString archive = archivePath();
    Job* job = enqueue(Job::Kind::Other, tr("Opening %1").arg(name),
                       [archive = toPath(archive), dest = toPath(folder), names = std::vector<std::string>{entry.path},
                        passphrase = model_->passphrase()](nnz::JobControl& control) {
                           nnz::extract_archive(archive, dest, names, false, control, nnz::OutsideLinks::Refuse, passphrase);
                       });
    job->setProperty("archive", archive);
    connect(job, &Job::finishedWith, this, [this, target, archive, entryPath = name](Job::State state) {
        if (state != Job::State::Succeeded) return;
        // Saved in that application, it can go back into the archive (not into a read-only one).
        if (archivePath() == archive && !model_->isForeign()) edited_->watch(target, entryPath, archive);
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(target)))
            showError(tr("Cannot Open"), tr("No application is set up to open %1.\n\nIt was extracted to %2.")
                                             .arg(QFileInfo(target).fileName(), QDir::toNativeSeparators(target)));
    });
    return job;
}

void MainWindow::showProperties()
{
    if (!model_->isOpen()) return;
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    auto* dialog = new PropertiesDialog(*model_, rows.size() == 1 ? proxy_->mapToSource(rows.first()) : QModelIndex(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showSettings()
{
    auto* dialog = new SettingsDialog(AppSettings::load(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [dialog] { dialog->settings().save(); });
    dialog->open();
}

QList<QAction*> MainWindow::contextMenuActions() const
{
    return {extract_action_, extract_to_action_, open_with_action_, preview_action_, copy_action_, nullptr, rename_action_, delete_action_, nullptr, test_selection_action_, properties_action_};
}

void MainWindow::showContextMenu(const QPoint& position)
{
    if (!view_->indexAt(position).isValid()) return;
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (QAction* action : contextMenuActions()) {
        if (action) menu->addAction(action);
        else menu->addSeparator();
    }
    menu->popup(view_->viewport()->mapToGlobal(position));
}

void MainWindow::applyFilter(const QString& text)
{
    proxy_->setFilterFixedString(text);
    if (!text.isEmpty()) {
        view_->expandAll();  // every match in sight
        return;
    }
    view_->collapseAll();
    // An archive of one folder (the usual kind) opens showing what is in it.
    if (proxy_->rowCount() == 1 && proxy_->index(0, 0).data(EntriesModel::IsFolderRole).toBool()) view_->expand(proxy_->index(0, 0));
}

QStringList MainWindow::expandedFolders() const
{
    QStringList folders;
    std::function<void(const QModelIndex&)> visit = [&](const QModelIndex& parent) {
        for (int row = 0; row < proxy_->rowCount(parent); ++row) {
            const QModelIndex child = proxy_->index(row, 0, parent);
            if (!view_->isExpanded(child)) continue;
            folders << child.data(EntriesModel::PathRole).toString();
            visit(child);
        }
    };
    visit({});
    return folders;
}

void MainWindow::offerToUpdateEditedFile(const QString& localFile, const QString& entryPath, const QString& archive)
{
    if (archive != archivePath() || model_->isForeign()) return;  // that archive is no longer open
    if (!ask(tr("Update Archive?"), tr("%1 was changed in another application. Put the changed file into %2?")
                                        .arg(entryPath, QFileInfo(archive).fileName())))
        return;
    const qsizetype slash = entryPath.lastIndexOf(QLatin1Char('/'));
    addToArchive({localFile}, slash < 0 ? QString() : entryPath.left(slash));
}

}  // namespace nnz::ui
