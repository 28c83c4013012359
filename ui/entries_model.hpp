#pragma once
// The entries of one open archive as a folder tree: name, size, packed size, bits per byte,
// modified, checksum. A folder shows the totals of everything under it. Folders that an archive
// only implies by the names inside it (zips without folder entries, "a/b.txt" alone) appear as
// folders too, with no entry of their own. Display text is formatted; SortRole carries the raw
// value so sorting is numeric. Foreign archives (zip, tar, 7z, ...) load too, read-only: what
// only .nnz knows stays empty.
#include <QAbstractItemModel>

#include <optional>
#include <QHash>
#include <QString>

#include <filesystem>
#include <vector>

#include "container/encryption.hpp"
#include "container/entry.hpp"

namespace nnz::ui {

class EntriesModel : public QAbstractItemModel {
    Q_OBJECT
public:
    // Permissions and Owner are hidden until chosen in the header's menu (EntriesView).
    enum Column { Name, Size, Packed, Bpb, Modified, Checksum, Permissions, Owner, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole,
        PathRole,        // the entry's path in the archive (a folder's, also when only implied)
        EntryIndexRole,  // index into the entries (entry()), -1 for an implied folder
        IsFolderRole     // a folder, stored or implied
    };

    // What a folder holds, everything under it counted.
    struct FolderContents {
        int files = 0;  // files and symbolic links
        int folders = 0;
        quint64 size = 0;
        double packed = 0;
    };

    explicit EntriesModel(QObject* parent = nullptr);

    // "6 files in 2 folders" (the folders only when there are some).
    static QString contentsText(const FolderContents& contents);
    // "alice:staff" (names where recorded, numbers otherwise), with "(1000:50)" after it when
    // withNumbers; empty where no owner is recorded.
    static QString ownerText(const std::optional<nnz::EntryOwner>& owner, bool withNumbers = false);
    // One line per attribute: "user.comment: hello" (the value where it is text, its size
    // otherwise); empty where none are recorded.
    static QString attributesText(const std::vector<nnz::ExtendedAttribute>& attributes);
    // One line per entry of an access control list ("user:alice:r--:1000"); empty for none.
    static QString aclText(const std::string& acl);

    // Reads the archive's index (for a foreign archive, every header). Throws nnz::Error
    // (Io/Data; Password for an encrypted .nnz without its password or with a wrong one) and
    // leaves the model unchanged then.
    void load(const std::filesystem::path& archive, const nnz::Passphrase& passphrase = {});
    void clear();

    bool isOpen() const { return !archive_.empty(); }
    const std::filesystem::path& archive() const { return archive_; }

    // The archive's entries, in its order (not the tree's).
    int entryCount() const { return int(entries_.size()); }
    const nnz::EntryInfo& entry(int entryIndex) const { return entries_.at(size_t(entryIndex)); }
    double packedSize(int entryIndex) const { return packed_.at(size_t(entryIndex)); }
    // The entry an item shows; -1 for an implied folder or an invalid index.
    int entryIndexOf(const QModelIndex& index) const;
    bool isFolder(const QModelIndex& index) const;
    FolderContents folderContents(const QModelIndex& index) const;
    // The item (column 0) with that path; invalid when there is none.
    QModelIndex indexOfPath(const QString& path) const;

    quint64 totalSize() const;
    double totalPacked() const;
    int blockCount() const { return block_count_; }
    // An encrypted .nnz (or a foreign archive with encrypted entries), and the password it was
    // opened with (jobs on it need it again).
    bool isEncrypted() const { return encrypted_; }
    // Of an .nnz's recovery record; 0 without one.
    int recoveryPercent() const { return recovery_percent_; }
    // Damaged bytes its recovery record rebuilt to read it (in a copy; the archive is unchanged);
    // 0 when it was whole.
    quint64 rebuiltBytes() const { return rebuilt_bytes_; }
    const nnz::Passphrase& passphrase() const { return passphrase_; }
    QStringList codecNames() const { return codecs_; }
    // The presets its blocks were made with, as --preset names them ("default", "store"), each
    // once in block order; "" for a model of no preset of this version (an older archive's).
    QStringList presetNames() const { return presets_; }
    // A foreign archive: shown read-only; foreignFormat() is "zip", "tar.gz", "7z", ...
    bool isForeign() const { return !foreign_format_.isEmpty(); }
    QString foreignFormat() const { return foreign_format_; }
    // Why an entry of a foreign archive cannot be extracted (unsafe name, encrypted); else empty.
    QString problem(int entryIndex) const { return problems_.empty() ? QString() : problems_.at(size_t(entryIndex)); }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    // One row of the tree. Node 0 is the invisible root; a node's children come after it.
    struct Node {
        QString name;  // the last part of the path
        QString path;
        int entry = -1;  // -1: an implied folder (or the root)
        int parent = -1;
        int row = 0;  // among its parent's children
        bool folder = false;
        std::vector<int> children;
        FolderContents contents;  // of a folder
        qint64 newest = 0;        // the latest modification time at or under it
    };

    void buildTree();
    int addNode(int parent, const QString& name, const QString& path, int entry, bool folder);
    const Node* nodeOf(const QModelIndex& index) const;
    QVariant entryData(const Node& node, int column, int role) const;
    QVariant folderData(const Node& node, int column, int role) const;

    std::filesystem::path archive_;
    std::vector<nnz::EntryInfo> entries_;
    std::vector<double> packed_;
    std::vector<Node> nodes_;
    QHash<QString, int> node_of_path_;  // the first node of each path
    int block_count_ = 0;
    QStringList codecs_;
    QStringList presets_;
    QString foreign_format_;
    std::vector<QString> problems_;  // foreign archives only, one per entry
    bool encrypted_ = false;
    int recovery_percent_ = 0;
    quint64 rebuilt_bytes_ = 0;
    nnz::Passphrase passphrase_;
};

}  // namespace nnz::ui
