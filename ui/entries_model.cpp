#include "entries_model.hpp"

#include <QDateTime>
#include <QFileIconProvider>
#include <QLocale>

#include <numeric>

#include "container/archive_reader.hpp"
#include "progress_panel.hpp"

namespace nnz::ui {
namespace {

QString hex64(uint64_t value) { return QStringLiteral("%1").arg(value, 16, 16, QChar('0')); }

QString codecName(nnz::CodecId id)
{
    return id == nnz::CodecId::Store ? EntriesModel::tr("store") : EntriesModel::tr("neural");
}

}  // namespace

EntriesModel::EntriesModel(QObject* parent) : QAbstractTableModel(parent) {}

void EntriesModel::load(const std::filesystem::path& archive)
{
    nnz::ArchiveReader reader(archive);  // throws before anything here changes
    std::vector<double> packed;
    packed.reserve(reader.entries().size());
    for (const auto& e : reader.entries()) packed.push_back(reader.packed_size_of(e));
    QStringList codecs;
    for (const auto& block : reader.blocks())
        if (!codecs.contains(codecName(block.codec))) codecs << codecName(block.codec);

    beginResetModel();
    archive_ = archive;
    entries_ = reader.entries();
    packed_ = std::move(packed);
    block_count_ = int(reader.blocks().size());
    codecs_ = codecs;
    endResetModel();
}

void EntriesModel::clear()
{
    beginResetModel();
    archive_.clear();
    entries_.clear();
    packed_.clear();
    block_count_ = 0;
    codecs_.clear();
    endResetModel();
}

quint64 EntriesModel::totalSize() const
{
    return std::accumulate(entries_.begin(), entries_.end(), quint64(0),
                           [](quint64 sum, const nnz::EntryInfo& e) { return sum + e.size; });
}

double EntriesModel::totalPacked() const { return std::accumulate(packed_.begin(), packed_.end(), 0.0); }

int EntriesModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(entries_.size()); }
int EntriesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EntriesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(entries_.size())) return {};
    const nnz::EntryInfo& e = entries_[size_t(index.row())];
    const double packed = packed_[size_t(index.row())];
    const bool hasContent = e.type == nnz::EntryType::File && e.size > 0;
    const QDateTime modified = QDateTime::fromSecsSinceEpoch(e.mtime_sec);

    if (role == PathRole) return QString::fromStdString(e.path);
    if (role == Qt::TextAlignmentRole && index.column() != Name && index.column() != Checksum)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DecorationRole && index.column() == Name) {
        static const QFileIconProvider icons;
        return icons.icon(e.type == nnz::EntryType::Directory ? QFileIconProvider::Folder : QFileIconProvider::File);
    }
    if (role == Qt::ToolTipRole && index.column() == Name) {
        if (e.type == nnz::EntryType::Symlink) return tr("Symbolic link to %1").arg(QString::fromStdString(e.link_target));
        return QString::fromStdString(e.path);
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Name: return QString::fromStdString(e.path);
        case Size: return qulonglong(e.size);
        case Packed: return packed;
        case Bpb: return hasContent ? 8.0 * packed / double(e.size) : -1.0;
        case Modified: return qlonglong(e.mtime_sec);
        case Checksum: return hex64(e.content_hash);
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Name: {
        const QString name = QString::fromStdString(e.path);
        if (e.type == nnz::EntryType::Directory) return name + QLatin1Char('/');
        if (e.type == nnz::EntryType::Symlink) return name + QStringLiteral(" → ") + QString::fromStdString(e.link_target);
        return name;
    }
    case Size: return e.type == nnz::EntryType::File ? formatBytes(double(e.size)) : QString();
    case Packed: return e.type == nnz::EntryType::File ? formatBytes(packed) : QString();
    case Bpb: return hasContent ? QString::number(8.0 * packed / double(e.size), 'f', 3) : QString();
    case Modified: return QLocale().toString(modified, QLocale::ShortFormat);
    case Checksum: return e.type == nnz::EntryType::File ? hex64(e.content_hash) : QString();
    }
    return {};
}

QVariant EntriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::TextAlignmentRole && section != Name && section != Checksum)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Name");
    case Size: return tr("Size");
    case Packed: return tr("Packed");
    case Bpb: return tr("Bits/byte");
    case Modified: return tr("Modified");
    case Checksum: return tr("Checksum (XXH64)");
    }
    return {};
}

Qt::ItemFlags EntriesModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

}  // namespace nnz::ui
