#pragma once
// The entries of one open archive as a table: name, size, packed size, bits per byte, modified,
// checksum. Display text is formatted; SortRole carries the raw value so sorting is numeric.
// Foreign archives (zip, tar, 7z, ...) load too, read-only: what only .nnz knows stays empty.
#include <QAbstractTableModel>
#include <QString>

#include <filesystem>
#include <vector>

#include "container/encryption.hpp"
#include "container/entry.hpp"

namespace nnz::ui {

class EntriesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Size, Packed, Bpb, Modified, Checksum, ColumnCount };
    enum Role { SortRole = Qt::UserRole, PathRole };

    explicit EntriesModel(QObject* parent = nullptr);

    // Reads the archive's index (for a foreign archive, every header). Throws nnz::Error
    // (Io/Data; Password for an encrypted .nnz without its password or with a wrong one) and
    // leaves the model unchanged then.
    void load(const std::filesystem::path& archive, const nnz::Passphrase& passphrase = {});
    void clear();

    bool isOpen() const { return !archive_.empty(); }
    const std::filesystem::path& archive() const { return archive_; }
    const nnz::EntryInfo& entry(int row) const { return entries_.at(size_t(row)); }
    double packedSize(int row) const { return packed_.at(size_t(row)); }
    quint64 totalSize() const;
    double totalPacked() const;
    int blockCount() const { return block_count_; }
    // An encrypted .nnz (or a foreign archive with encrypted entries), and the password it was
    // opened with (jobs on it need it again).
    bool isEncrypted() const { return encrypted_; }
    // Of an .nnz's recovery record; 0 without one.
    int recoveryPercent() const { return recovery_percent_; }
    const nnz::Passphrase& passphrase() const { return passphrase_; }
    QStringList codecNames() const { return codecs_; }
    // A foreign archive: shown read-only; foreignFormat() is "zip", "tar.gz", "7z", ...
    bool isForeign() const { return !foreign_format_.isEmpty(); }
    QString foreignFormat() const { return foreign_format_; }
    // Why an entry of a foreign archive cannot be extracted (unsafe name, encrypted); else empty.
    QString problem(int row) const { return problems_.empty() ? QString() : problems_.at(size_t(row)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    std::filesystem::path archive_;
    std::vector<nnz::EntryInfo> entries_;
    std::vector<double> packed_;
    int block_count_ = 0;
    QStringList codecs_;
    QString foreign_format_;
    std::vector<QString> problems_;  // foreign archives only, one per entry
    bool encrypted_ = false;
    int recovery_percent_ = 0;
    nnz::Passphrase passphrase_;
};

}  // namespace nnz::ui
