#pragma once
// End-of-job notifications with "Open folder": a desktop notification through the system tray
// when there is one, and always a non-modal strip inside the window (the only one where no tray
// exists, e.g. offscreen or on a desktop without a notification area).
#include <QFrame>
#include <QIcon>
#include <QString>

class QLabel;
class QPushButton;
class QSystemTrayIcon;

namespace nnz::ui {

class NotificationBar : public QFrame {
    Q_OBJECT
public:
    explicit NotificationBar(QWidget* parent = nullptr);

    // folder may be empty: then there is no "Open folder" button.
    void showMessage(const QString& title, const QString& text, const QString& folder = {});
    QString text() const;
    QString folder() const { return folder_; }
    QPushButton* openFolderButton() const { return open_folder_; }

    // Hands the folder to the desktop (QDesktopServices::openUrl); false when there is none.
    bool openFolder();

signals:
    void folderOpened(const QString& folder);

private:
    QLabel* icon_;
    QLabel* text_;
    QPushButton* open_folder_;
    QPushButton* close_;
    QString folder_;
};

// The desktop notification. Clicking the message opens the folder (or raises the window).
class TrayNotifier : public QObject {
    Q_OBJECT
public:
    TrayNotifier(const QIcon& icon, QWidget* window);
    static bool available();
    // Returns false (and shows nothing) when there is no system tray.
    bool notify(const QString& title, const QString& text, const QString& folder = {});

private:
    QWidget* window_;
    QIcon icon_;
    QSystemTrayIcon* tray_ = nullptr;
    QString folder_;
};

}  // namespace nnz::ui
