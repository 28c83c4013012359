#pragma once
#include <QMainWindow>

namespace nnz::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

}  // namespace nnz::ui
