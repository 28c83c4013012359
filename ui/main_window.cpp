#include "main_window.hpp"

#include <QLabel>

namespace nnz::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("nnzip"));
    auto* placeholder = new QLabel(tr("Drop files here to create an archive."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(800, 500);
}

}  // namespace nnz::ui
