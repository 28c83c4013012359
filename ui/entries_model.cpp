#include "entries_model.hpp"

#include <QApplication>
#include <QDateTime>
#include <QFileIconProvider>
#include <QLocale>
#include <QStyle>

#include <algorithm>
#include <limits>
#include <numeric>

#include "codec.hpp"
#include "container/archive_reader.hpp"
#include "container/entry_text.hpp"
#include "interop/opened_archive.hpp"
#include "jobs/extract_job.hpp"
#include "progress_panel.hpp"

namespace nnz::ui {
namespace {

QString hex64(uint64_t value) { return QStringLiteral("%1").arg(value, 16, 16, QChar('0')); }

QString codecName(nnz::CodecId id)
{
    return id == nnz::CodecId::Store ? EntriesModel::tr("store") : EntriesModel::tr("neural");
}

// Sizes, ratios and times line up on the right; names, checksums, permissions and owners read
// from the left.
bool isNumeric(int column)
{
    return column == EntriesModel::Size || column == EntriesModel::Packed || column == EntriesModel::Bpb ||
           column == EntriesModel::Modified;
}

}  // namespace

QString EntriesModel::ownerText(const std::optional<nnz::EntryOwner>& owner, bool withNumbers)
{
    if (!owner) return QString();
    const QString numbers = QStringLiteral("%1:%2").arg(owner->uid).arg(owner->gid);
    if (owner->user.empty() && owner->group.empty()) return numbers;
    const QString names = QString::fromStdString(nnz::owner_text(owner));
    return withNumbers ? QStringLiteral("%1 (%2)").arg(names, numbers) : names;
}

QString EntriesModel::attributesText(const std::vector<nnz::ExtendedAttribute>& attributes)
{
    QStringList lines;
    for (const auto& attribute : attributes) {
        const QString name = QString::fromStdString(attribute.name);
        const std::string_view value(attribute.value);
        // Text is shown as it is when it is one line of UTF-8 (a trailing NUL, as C strings
        // are often stored, aside); anything else by its size.
        const std::string_view text = !value.empty() && value.back() == '\0' ? value.substr(0, value.size() - 1) : value;
        bool printable = !text.empty() && text.size() <= 200;
        for (unsigned char c : text) printable = printable && c >= 0x20 && c != 0x7f;
        const QString shown = QString::fromUtf8(text.data(), qsizetype(text.size()));
        if (printable && shown.toUtf8() == QByteArray(text.data(), qsizetype(text.size())))
            lines << QStringLiteral("%1: %2").arg(name, shown);
        else
            lines << tr("%1: %n byte(s)", nullptr, int(value.size())).arg(name);
    }
    return lines.join(QLatin1Char('\n'));
}

QString EntriesModel::aclText(const std::string& acl)
{
    return QString::fromStdString(acl).split(QLatin1Char(','), Qt::SkipEmptyParts).join(QLatin1Char('\n'));
}

EntriesModel::EntriesModel(QObject* parent) : QAbstractItemModel(parent) { buildTree(); }

void EntriesModel::load(const std::filesystem::path& archive, const nnz::Passphrase& passphrase)
{
    // Throws before anything here changes. A damaged archive with a recovery record that can undo
    // the damage is read from a rebuilt copy (extraction reads through it too).
    nnz::JobControl control;
    const nnz::ReadableArchive readable = nnz::open_for_listing(archive, "showing it", control, passphrase);
    const auto& opened = readable.reader;
    std::vector<double> packed(opened->entries().size(), 0.0);
    QStringList codecs;
    QStringList presets;
    std::vector<QString> problems;
    QString foreign;
    if (nnz::ArchiveReader* reader = opened->nnz()) {
        for (size_t i = 0; i < packed.size(); ++i) packed[i] = reader->packed_size_of(reader->entries()[i]);
        for (const auto& block : reader->blocks())
            if (!codecs.contains(codecName(block.codec))) codecs << codecName(block.codec);
        // From each block's header (one small read each): what Properties says it was made with.
        for (uint32_t b = 0; b < reader->blocks().size(); ++b) {
            try {
                const auto codec = reader->block_codec(b);
                const QString preset = QString::fromStdString(nnz::codec_preset(codec.codec, codec.settings));
                if (!presets.contains(preset)) presets << preset;
            } catch (const nnz::Error&) {
                // A damaged header: extraction and Test say so; Properties leaves it out.
            }
        }
    } else {
        foreign = QString::fromStdString(opened->format());
        for (const auto& e : opened->foreign()->entries()) problems.push_back(QString::fromStdString(e.problem));
    }

    beginResetModel();
    archive_ = archive;
    entries_ = opened->entries();
    packed_ = std::move(packed);
    block_count_ = opened->nnz() ? int(opened->nnz()->blocks().size()) : 0;
    codecs_ = codecs;
    presets_ = presets;
    foreign_format_ = foreign;
    problems_ = std::move(problems);
    encrypted_ = opened->nnz() ? opened->nnz()->encrypted() : opened->foreign()->has_encrypted_entries();
    passphrase_ = encrypted_ ? passphrase : nnz::Passphrase();
    recovery_percent_ = opened->nnz() ? int(opened->nnz()->recovery_percent()) : 0;
    rebuilt_bytes_ = readable.rebuilt_bytes;
    buildTree();
    endResetModel();
}

void EntriesModel::clear()
{
    beginResetModel();
    archive_.clear();
    rebuilt_bytes_ = 0;
    entries_.clear();
    packed_.clear();
    block_count_ = 0;
    codecs_.clear();
    presets_.clear();
    foreign_format_.clear();
    problems_.clear();
    encrypted_ = false;
    recovery_percent_ = 0;
    passphrase_ = {};
    buildTree();
    endResetModel();
}

QString EntriesModel::contentsText(const FolderContents& contents)
{
    QString text = tr("%n file(s)", nullptr, contents.files);
    if (contents.folders > 0) text += tr(" in %n folder(s)", nullptr, contents.folders);
    return text;
}

int EntriesModel::addNode(int parent, const QString& name, const QString& path, int entry, bool folder)
{
    const int id = int(nodes_.size());
    Node node;
    node.name = name;
    node.path = path;
    node.entry = entry;
    node.parent = parent;
    node.row = int(nodes_[size_t(parent)].children.size());
    node.folder = folder;
    nodes_.push_back(std::move(node));
    nodes_[size_t(parent)].children.push_back(id);
    if (!node_of_path_.contains(path)) node_of_path_.insert(path, id);
    return id;
}

// Folders are found by their normalised path ("a/b"), so "a/b/c.txt" lands under the entry "a/b"
// however the archive orders them, and a folder named only inside other names is made on the way.
void EntriesModel::buildTree()
{
    nodes_.clear();
    node_of_path_.clear();
    nodes_.emplace_back().folder = true;
    QHash<QString, int> folders;
    // Files of one folder usually follow each other: the folder found for the last one is kept.
    QString lastFolderPart;
    int lastParent = -1;
    QString lastPrefix;
    for (size_t i = 0; i < entries_.size(); ++i) {
        const nnz::EntryInfo& e = entries_[i];
        const QString path = QString::fromStdString(e.path);
        QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        parts.removeAll(QStringLiteral("."));
        // A name no extraction accepts ("/etc/x", "../x": a foreign archive's) stays whole at the top.
        if (parts.isEmpty() || parts.contains(QStringLiteral("..")) || path.startsWith(QLatin1Char('/'))) parts = QStringList{path};
        const QString folderPart = parts.size() > 1 ? path.left(path.lastIndexOf(QLatin1Char('/'))) : QString();
        int parent = 0;
        QString prefix;
        if (lastParent >= 0 && folderPart == lastFolderPart) {
            parent = lastParent;
            prefix = lastPrefix;
        } else {
            for (qsizetype k = 0; k + 1 < parts.size(); ++k) {
                prefix = prefix.isEmpty() ? parts[k] : prefix + QLatin1Char('/') + parts[k];
                auto found = folders.constFind(prefix);
                parent = found != folders.cend() ? *found : folders.insert(prefix, addNode(parent, parts[k], prefix, -1, true)).value();
            }
            lastFolderPart = folderPart;
            lastParent = parent;
            lastPrefix = prefix;
        }
        const QString normalised = prefix.isEmpty() ? parts.last() : prefix + QLatin1Char('/') + parts.last();
        if (e.type != nnz::EntryType::Directory) {
            addNode(parent, parts.last(), path, int(i), false);
            continue;
        }
        const auto found = folders.constFind(normalised);
        if (found != folders.cend() && nodes_[size_t(*found)].entry < 0) {  // implied by an earlier name
            Node& node = nodes_[size_t(*found)];
            node.entry = int(i);
            node.path = path;
            if (!node_of_path_.contains(path)) node_of_path_.insert(path, *found);
            continue;
        }
        const int id = addNode(parent, parts.last(), path, int(i), true);
        if (found == folders.cend()) folders.insert(normalised, id);
    }
    // Children come after their parents: one pass from the end sums every folder.
    for (size_t id = nodes_.size() - 1; id > 0; --id) {
        Node& node = nodes_[id];
        if (node.entry >= 0) {
            const nnz::EntryInfo& e = entries_[size_t(node.entry)];
            node.newest = std::max(node.newest, qint64(e.mtime_sec));
            if (!node.folder) node.contents = {1, 0, e.type == nnz::EntryType::File ? e.size : 0, packed_[size_t(node.entry)]};
        }
        Node& parent = nodes_[size_t(node.parent)];
        parent.contents.files += node.contents.files;
        parent.contents.folders += node.contents.folders + (node.folder ? 1 : 0);
        parent.contents.size += node.contents.size;
        parent.contents.packed += node.contents.packed;
        parent.newest = std::max(parent.newest, node.newest);
    }
}

const EntriesModel::Node* EntriesModel::nodeOf(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0 || index.internalId() >= nodes_.size())
        return nullptr;
    return &nodes_[size_t(index.internalId())];
}

int EntriesModel::entryIndexOf(const QModelIndex& index) const
{
    const Node* node = nodeOf(index);
    return node ? node->entry : -1;
}

bool EntriesModel::isFolder(const QModelIndex& index) const
{
    const Node* node = nodeOf(index);
    return node && node->folder;
}

EntriesModel::FolderContents EntriesModel::folderContents(const QModelIndex& index) const
{
    const Node* node = index.isValid() ? nodeOf(index) : &nodes_.front();
    return node && node->folder ? node->contents : FolderContents{};
}

QModelIndex EntriesModel::indexOfPath(const QString& path) const
{
    const auto found = node_of_path_.constFind(path);
    if (found == node_of_path_.cend()) return {};
    return createIndex(nodes_[size_t(*found)].row, 0, quintptr(*found));
}

quint64 EntriesModel::totalSize() const
{
    return std::accumulate(entries_.begin(), entries_.end(), quint64(0),
                           [](quint64 sum, const nnz::EntryInfo& e) { return sum + e.size; });
}

double EntriesModel::totalPacked() const { return std::accumulate(packed_.begin(), packed_.end(), 0.0); }

QModelIndex EntriesModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0) return {};
    const size_t parentId = parent.isValid() ? size_t(parent.internalId()) : 0;
    if (parentId >= nodes_.size()) return {};
    const auto& children = nodes_[parentId].children;
    if (size_t(row) >= children.size()) return {};
    return createIndex(row, column, quintptr(children[size_t(row)]));
}

QModelIndex EntriesModel::parent(const QModelIndex& index) const
{
    const Node* node = nodeOf(index);
    if (!node || node->parent <= 0) return {};
    return createIndex(nodes_[size_t(node->parent)].row, 0, quintptr(node->parent));
}

int EntriesModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0) return 0;
    const size_t id = parent.isValid() ? size_t(parent.internalId()) : 0;
    return id < nodes_.size() ? int(nodes_[id].children.size()) : 0;
}

int EntriesModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant EntriesModel::data(const QModelIndex& index, int role) const
{
    const Node* node = nodeOf(index);
    if (!node) return {};
    switch (role) {
    case PathRole: return node->path;
    case EntryIndexRole: return node->entry;
    case IsFolderRole: return node->folder;
    case Qt::TextAlignmentRole:
        return isNumeric(index.column()) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    default: break;
    }
    return node->folder ? folderData(*node, index.column(), role) : entryData(*node, index.column(), role);
}

QVariant EntriesModel::folderData(const Node& node, int column, int role) const
{
    const FolderContents& c = node.contents;
    const bool packedKnown = !isForeign();
    const bool hasModified = node.entry >= 0 || c.files > 0;
    const qint64 modified = node.entry >= 0 ? entries_[size_t(node.entry)].mtime_sec : node.newest;
    if (role == Qt::DecorationRole && column == Name) {
        static const QFileIconProvider icons;
        return icons.icon(QFileIconProvider::Folder);
    }
    if (role == Qt::ToolTipRole && column == Name) {
        return node.path + QStringLiteral(": ") + contentsText(c);
    }
    if (role == SortRole) {
        switch (column) {
        case Name: return node.name;
        case Size: return qulonglong(c.size);
        case Packed: return c.packed;
        case Bpb: return c.size > 0 && packedKnown ? 8.0 * c.packed / double(c.size) : -1.0;
        case Modified: return hasModified ? qlonglong(modified) : qlonglong(std::numeric_limits<qint64>::min());
        case Checksum: return QString();
        case Permissions: return node.entry >= 0 ? int(entries_[size_t(node.entry)].mode) : -1;
        case Owner: return node.entry >= 0 ? ownerText(entries_[size_t(node.entry)].owner) : QString();
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (column) {
    case Name: return node.name;
    case Size: return formatBytes(double(c.size));
    case Packed: return packedKnown ? formatBytes(c.packed) : QString();
    case Bpb: return c.size > 0 && packedKnown ? QString::number(8.0 * c.packed / double(c.size), 'f', 3) : QString();
    case Modified: return hasModified ? QLocale().toString(QDateTime::fromSecsSinceEpoch(modified), QLocale::ShortFormat) : QString();
    case Permissions: return node.entry >= 0 ? QString::fromStdString(nnz::permissions_text(entries_[size_t(node.entry)])) : QString();  // none when implied
    case Owner: return node.entry >= 0 ? ownerText(entries_[size_t(node.entry)].owner) : QString();
    }
    return {};
}

QVariant EntriesModel::entryData(const Node& node, int column, int role) const
{
    const int row = node.entry;
    const nnz::EntryInfo& e = entries_[size_t(row)];
    const double packed = packed_[size_t(row)];
    const bool hasContent = e.type == nnz::EntryType::File && e.size > 0;
    const bool packedKnown = !isForeign();  // foreign archives tell no per-entry packed size
    const QString problem = this->problem(row);

    if (role == Qt::DecorationRole && column == Name) {
        if (!problem.isEmpty()) return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        static const QFileIconProvider icons;
        return icons.icon(QFileIconProvider::File);
    }
    if (role == Qt::ToolTipRole && column == Name) {
        if (!problem.isEmpty()) return tr("Cannot be extracted or converted: %1").arg(problem);
        if (e.type == nnz::EntryType::Symlink) return tr("Symbolic link to %1").arg(QString::fromStdString(e.link_target));
        if (e.duplicate)
            return tr("%1: the same content as %2, stored once")
                .arg(QString::fromStdString(e.path), QString::fromStdString(entries_[nnz::original_of(entries_, size_t(row))].path));
        return QString::fromStdString(e.path);
    }
    if (role == SortRole) {
        switch (column) {
        case Name: return node.name;
        case Size: return qulonglong(e.size);
        case Packed: return packed;
        case Bpb: return hasContent && packedKnown ? 8.0 * packed / double(e.size) : -1.0;
        case Modified: return qlonglong(e.mtime_sec);
        case Checksum: return packedKnown ? hex64(e.content_hash) : QString();
        case Permissions: return int(e.mode);
        case Owner: return ownerText(e.owner);
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (column) {
    case Name:
        if (e.type == nnz::EntryType::Symlink) return node.name + QStringLiteral(" → ") + QString::fromStdString(e.link_target);
        return node.name;
    case Size: return e.type == nnz::EntryType::File ? formatBytes(double(e.size)) : QString();
    case Packed: return e.type == nnz::EntryType::File && packedKnown ? formatBytes(packed) : QString();
    case Bpb: return hasContent && packedKnown ? QString::number(8.0 * packed / double(e.size), 'f', 3) : QString();
    case Modified: return QLocale().toString(QDateTime::fromSecsSinceEpoch(e.mtime_sec), QLocale::ShortFormat);
    case Checksum: return e.type == nnz::EntryType::File && packedKnown ? hex64(e.content_hash) : QString();
    case Permissions: return QString::fromStdString(nnz::permissions_text(e));
    case Owner: return ownerText(e.owner);
    }
    return {};
}

QVariant EntriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::TextAlignmentRole && isNumeric(section)) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Name");
    case Size: return tr("Size");
    case Packed: return tr("Packed");
    case Bpb: return tr("Bits/byte");
    case Modified: return tr("Modified");
    case Checksum: return tr("Checksum (XXH64)");
    case Permissions: return tr("Permissions");
    case Owner: return tr("Owner");
    }
    return {};
}

Qt::ItemFlags EntriesModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

}  // namespace nnz::ui
