#pragma once
// One job's progress: percent, bytes in/out, speed, ETA, current file, live bits per byte and a
// chart of it, with Pause/Resume and Cancel; at the end its outcome and "Open folder".
// It polls the job's atomic counters every 200 ms (no signal per byte from the worker).
#include <QPointer>
#include <QWidget>

#include "job_runner.hpp"

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace nnz::ui {

class BpbChart;

// "1.5 MB", "830 KB", "12 bytes" (decimal units, like the CLI).
QString formatBytes(double bytes);
// "1:05", "2:03:04", "--:--" for unknown.
QString formatDuration(double seconds);

class ProgressPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProgressPanel(Job* job, QWidget* parent = nullptr);

    Job* job() const { return job_; }
    BpbChart* chart() const { return chart_; }
    QString statusText() const;
    QString detailsText() const;
    QString warningsText() const;  // the job's warnings so far, one per line
    QString currentText() const;
    QString bpbText() const;
    int percent() const;
    // Reads the counters now; the timer calls this every 200 ms while the job runs.
    void poll();

signals:
    void closeRequested();

private:
    void onStarted();
    void onFinished(Job::State state);
    void openFolder();

    QPointer<Job> job_;
    QLabel* title_;
    QLabel* details_;
    QLabel* warnings_;  // the job's warnings, one per line; hidden while there are none
    size_t shown_warnings_ = 0;
    QLabel* status_;
    QProgressBar* bar_;
    QLabel* bytes_;
    QLabel* speed_;
    QLabel* bpb_;
    QLabel* current_;
    BpbChart* chart_;
    QPushButton* pause_;
    QPushButton* cancel_;
    QPushButton* open_folder_;
    QPushButton* close_;
    QTimer* timer_;
};

}  // namespace nnz::ui
