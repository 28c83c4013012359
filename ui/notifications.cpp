#include "notifications.hpp"

#include <QDesktopServices>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QUrl>

namespace nnz::ui {

NotificationBar::NotificationBar(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("notificationBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, colours.color(QPalette::AlternateBase));
    setPalette(colours);

    icon_ = new QLabel(this);
    icon_->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(22, 22));
    text_ = new QLabel(this);
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    open_folder_ = new QPushButton(style()->standardIcon(QStyle::SP_DirOpenIcon), tr("Open &folder"), this);
    close_ = new QPushButton(style()->standardIcon(QStyle::SP_DialogCloseButton), QString(), this);
    close_->setFlat(true);
    close_->setToolTip(tr("Dismiss"));
    close_->setAccessibleName(tr("Dismiss"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(icon_);
    layout->addWidget(text_, 1);
    layout->addWidget(open_folder_);
    layout->addWidget(close_);

    connect(open_folder_, &QPushButton::clicked, this, [this] {
        if (openFolder()) hide();
    });
    connect(close_, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void NotificationBar::showMessage(const QString& title, const QString& text, const QString& folder)
{
    folder_ = folder;
    text_->setText(QStringLiteral("<b>%1</b> %2").arg(title.toHtmlEscaped(), text.toHtmlEscaped()));
    open_folder_->setVisible(!folder.isEmpty());
    if (!folder.isEmpty()) open_folder_->setToolTip(QDir::toNativeSeparators(folder));
    show();
}

QString NotificationBar::text() const { return text_->text(); }

bool NotificationBar::openFolder()
{
    if (folder_.isEmpty()) return false;
    QDesktopServices::openUrl(QUrl::fromLocalFile(folder_));
    emit folderOpened(folder_);
    return true;
}

TrayNotifier::TrayNotifier(const QIcon& icon, QWidget* window) : QObject(window), window_(window), icon_(icon) {}

bool TrayNotifier::available() { return QSystemTrayIcon::isSystemTrayAvailable(); }

bool TrayNotifier::notify(const QString& title, const QString& text, const QString& folder)
{
    if (!available()) return false;
    if (!tray_) {
        tray_ = new QSystemTrayIcon(icon_, this);
        connect(tray_, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!folder_.isEmpty()) {
                QDesktopServices::openUrl(QUrl::fromLocalFile(folder_));
            } else if (window_) {
                window_->raise();
                window_->activateWindow();
            }
        });
    }
    folder_ = folder;
    tray_->show();
    tray_->showMessage(title, folder.isEmpty() ? text : text + QLatin1Char('\n') + tr("Click to open the folder."),
                       QSystemTrayIcon::Information, 8000);
    return true;
}

}  // namespace nnz::ui
