#include "properties_dialog.hpp"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "container/archive_file.hpp"
#include "entries_model.hpp"
#include "error.hpp"
#include "progress_panel.hpp"
#include "settings_dialog.hpp"

namespace nnz::ui {
namespace {

QString bpbText(double packed, double size)
{
    return size > 0 ? QString::number(8 * packed / size, 'f', 3) : QString();
}

}  // namespace

namespace {

// The archive's size; a split archive's in all its volumes (archive_file.hpp).
QString fileSizeText(const QString& path)
{
    try {
        const nnz::ArchiveFile file(path.toStdString());
        const QString size = formatBytes(double(file.size()));
        if (file.volume_count() < 2) return size;
        return PropertiesDialog::tr("%1 in %n volume(s)", nullptr, int(file.volume_count())).arg(size);
    } catch (const nnz::Error&) {
        return formatBytes(double(QFileInfo(path).size()));
    }
}

}  // namespace

PropertiesDialog::PropertiesDialog(const EntriesModel& model, const QModelIndex& item, QWidget* parent) : QDialog(parent)
{
    const QFileInfo info(QString::fromStdString(model.archive().string()));
    setWindowTitle(tr("Properties — %1").arg(info.fileName()));
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);  // a date and a preset's name on one line each
    form_ = new QFormLayout;

    const double size = double(model.totalSize());
    const double packed = model.totalPacked();
    addRow(QStringLiteral("archive"), tr("Archive:"), QDir::toNativeSeparators(info.absoluteFilePath()));
    addRow(QStringLiteral("fileSize"), tr("File size:"), fileSizeText(info.absoluteFilePath()));
    addRow(QStringLiteral("entries"), tr("Entries:"), QString::number(model.entryCount()));
    addRow(QStringLiteral("content"), tr("Content:"), formatBytes(size));
    if (model.isForeign()) {
        addRow(QStringLiteral("format"), tr("Format:"),
               tr("%1 (read-only; Archive ▸ Convert to .nnz makes an .nnz of it)").arg(model.foreignFormat()));
    } else {
        addRow(QStringLiteral("packed"), tr("Packed:"),
               size > 0 ? tr("%1 (%2 bits per byte)").arg(formatBytes(packed), bpbText(packed, size)) : formatBytes(packed));
        addRow(QStringLiteral("blocks"), tr("Blocks:"),
               tr("%1 (%2)").arg(model.blockCount()).arg(model.codecNames().join(QStringLiteral(", "))));
        if (!model.presetNames().isEmpty()) {
            // As the presets are named where archives are made (Settings, the new-archive dialog).
            QStringList presets;
            for (const QString& name : model.presetNames())
                presets << (name.isEmpty() ? tr("an earlier version's model") : presetLabel(name));
            addRow(QStringLiteral("presets"), tr("Made with:"), presets.join(QStringLiteral("; ")));
        }
        addRow(QStringLiteral("encryption"), tr("Encryption:"),
               model.isEncrypted() ? tr("XChaCha20-Poly1305, contents and names; key from the password by Argon2id")
                                   : tr("none"));
        addRow(QStringLiteral("recovery"), tr("Recovery record:"),
               model.recoveryPercent() > 0
                   ? tr("%1% of the archive: Repair Archive rebuilds up to about that much damage").arg(model.recoveryPercent())
                   : tr("none"));
    }
    addRow(QStringLiteral("modified"), tr("Modified:"), QLocale().toString(info.lastModified(), QLocale::LongFormat));

    if (item.isValid() && item.model() == &model) {
        const int entryIndex = model.entryIndexOf(item);
        auto* line = new QFrame(this);
        line->setFrameShape(QFrame::HLine);
        form_->addRow(line);
        addRow(QStringLiteral("entry"), tr("Entry:"), item.data(EntriesModel::PathRole).toString());
        if (model.isFolder(item)) {
            const EntriesModel::FolderContents contents = model.folderContents(item);
            addRow(QStringLiteral("type"), tr("Type:"), entryIndex >= 0 ? tr("Folder") : tr("Folder (implied by the names in it)"));
            addRow(QStringLiteral("contains"), tr("Contains:"),
                   tr("%1, %2").arg(EntriesModel::contentsText(contents), formatBytes(double(contents.size))));
            if (!model.isForeign()) {
                addRow(QStringLiteral("entryPacked"), tr("Packed:"), formatBytes(contents.packed));
                if (contents.size > 0)
                    addRow(QStringLiteral("entryBpb"), tr("Bits per byte:"), bpbText(contents.packed, double(contents.size)));
            }
        }
        if (entryIndex >= 0) {
            const nnz::EntryInfo& e = model.entry(entryIndex);
            if (!model.isFolder(item)) {
                int linked = entryIndex;  // the first name of the file it is a hard link of
                while (linked > 0 && model.entry(linked).hard_link) --linked;
                const QString type = e.type == nnz::EntryType::Symlink
                                         ? tr("Symbolic link to %1").arg(QString::fromStdString(e.link_target))
                                     : e.hard_link ? tr("File, a hard link to %1").arg(QString::fromStdString(model.entry(linked).path))
                                                   : tr("File");
                addRow(QStringLiteral("type"), tr("Type:"), type);
            }
            if (e.type == nnz::EntryType::File) addRow(QStringLiteral("entrySize"), tr("Size:"), formatBytes(double(e.size)));
            if (e.type == nnz::EntryType::File && !model.isForeign()) {  // a foreign archive has no packed sizes or XXH64
                addRow(QStringLiteral("entryPacked"), tr("Packed:"), formatBytes(model.packedSize(entryIndex)));
                if (e.size > 0)
                    addRow(QStringLiteral("entryBpb"), tr("Bits per byte:"), bpbText(model.packedSize(entryIndex), double(e.size)));
                addRow(QStringLiteral("checksum"), tr("Checksum (XXH64):"), item.siblingAtColumn(EntriesModel::Checksum).data().toString());
            }
            if (const QString problem = model.problem(entryIndex); !problem.isEmpty())
                addRow(QStringLiteral("problem"), tr("Problem:"), problem);
            addRow(QStringLiteral("permissions"), tr("Permissions:"), QStringLiteral("%1").arg(e.mode, 4, 8, QChar('0')));
            if (e.owner) addRow(QStringLiteral("owner"), tr("Owner:"), EntriesModel::ownerText(e.owner, true));
            if (!e.acl.empty()) addRow(QStringLiteral("acl"), tr("Access control list:"), EntriesModel::aclText(e.acl));
            if (!e.xattrs.empty())
                addRow(QStringLiteral("xattrs"), tr("Extended attributes:"), EntriesModel::attributesText(e.xattrs));
            addRow(QStringLiteral("entryModified"), tr("Modified:"),
                   QLocale().toString(QDateTime::fromSecsSinceEpoch(e.mtime_sec), QLocale::LongFormat));
        }
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form_);
    layout->addWidget(buttons);
}

void PropertiesDialog::addRow(const QString& key, const QString& label, const QString& value)
{
    auto* text = new QLabel(value, this);
    text->setTextFormat(Qt::PlainText);  // names and attributes from an archive are not markup
    text->setObjectName(key);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setWordWrap(true);
    form_->addRow(label, text);
    fields_.insert(key, text);
}

QString PropertiesDialog::field(const QString& key) const
{
    const QLabel* label = fields_.value(key);
    return label ? label->text() : QString();
}

}  // namespace nnz::ui
