#include "entries_model.hpp"

#include <QApplication>
#include <QDateTime>
#include <QFileIconProvider>
#include <QLocale>
#include <QStyle>

#include <numeric>

#include "container/archive_reader.hpp"
#include "interop/opened_archive.hpp"
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

void EntriesModel::load(const std::filesystem::path& archive, const nnz::Passphrase& passphrase)
{
    const auto opened = nnz::open_archive(archive, nullptr, passphrase);  // throws before anything here changes
    std::vector<double> packed(opened->entries().size(), 0.0);
    QStringList codecs;
    std::vector<QString> problems;
    QString foreign;
    if (nnz::ArchiveReader* reader = opened->nnz()) {
        for (size_t i = 0; i < packed.size(); ++i) packed[i] = reader->packed_size_of(reader->entries()[i]);
        for (const auto& block : reader->blocks())
            if (!codecs.contains(codecName(block.codec))) codecs << codecName(block.codec);
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
    foreign_format_ = foreign;
    problems_ = std::move(problems);
    encrypted_ = opened->nnz() ? opened->nnz()->encrypted() : opened->foreign()->has_encrypted_entries();
    passphrase_ = encrypted_ ? passphrase : nnz::Passphrase();
    recovery_percent_ = opened->nnz() ? int(opened->nnz()->recovery_percent()) : 0;
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
    foreign_format_.clear();
    problems_.clear();
    encrypted_ = false;
    recovery_percent_ = 0;
    passphrase_ = {};
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
    const bool packedKnown = !isForeign();  // foreign archives tell no per-entry packed size
    const QString problem = this->problem(index.row());
    const QDateTime modified = QDateTime::fromSecsSinceEpoch(e.mtime_sec);

    if (role == PathRole) return QString::fromStdString(e.path);
    if (role == Qt::TextAlignmentRole && index.column() != Name && index.column() != Checksum)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DecorationRole && index.column() == Name) {
        if (!problem.isEmpty()) return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        static const QFileIconProvider icons;
        return icons.icon(e.type == nnz::EntryType::Directory ? QFileIconProvider::Folder : QFileIconProvider::File);
    }
    if (role == Qt::ToolTipRole && index.column() == Name) {
        if (!problem.isEmpty()) return tr("Cannot be extracted or converted: %1").arg(problem);
        if (e.type == nnz::EntryType::Symlink) return tr("Symbolic link to %1").arg(QString::fromStdString(e.link_target));
        if (e.duplicate)
            return tr("%1: the same content as %2, stored once")
                .arg(QString::fromStdString(e.path),
                     QString::fromStdString(entries_[nnz::original_of(entries_, size_t(index.row()))].path));
        return QString::fromStdString(e.path);
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Name: return QString::fromStdString(e.path);
        case Size: return qulonglong(e.size);
        case Packed: return packed;
        case Bpb: return hasContent && packedKnown ? 8.0 * packed / double(e.size) : -1.0;
        case Modified: return qlonglong(e.mtime_sec);
        case Checksum: return packedKnown ? hex64(e.content_hash) : QString();
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
    case Packed: return e.type == nnz::EntryType::File && packedKnown ? formatBytes(packed) : QString();
    case Bpb: return hasContent && packedKnown ? QString::number(8.0 * packed / double(e.size), 'f', 3) : QString();
    case Modified: return QLocale().toString(modified, QLocale::ShortFormat);
    case Checksum: return e.type == nnz::EntryType::File && packedKnown ? hex64(e.content_hash) : QString();
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
