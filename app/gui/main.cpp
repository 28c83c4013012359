#include <QApplication>

#include "main_window.hpp"

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("nnzip"));
    QApplication::setApplicationVersion(QStringLiteral(NNZIP_VERSION));
    QApplication::setOrganizationName(QStringLiteral("nnzip"));
    nnz::ui::MainWindow window;
    window.show();
    return app.exec();
}
