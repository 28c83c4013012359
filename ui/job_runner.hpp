#pragma once
// Runs archive jobs one after another on a worker thread. The worker only calls into the core
// and writes the JobControl atomics; it never touches a QObject. The GUI polls those atomics with
// a timer (ProgressPanel) and learns of the end through a queued signal.
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <memory>
#include <thread>

#include "error.hpp"
#include "job_control.hpp"

namespace nnz::ui {

class Job : public QObject {
    Q_OBJECT
public:
    enum class Kind { Create, Add, Delete, Rename, Password, Recovery, Extract, Export, Test, Compare, Other };
    enum class State { Queued, Running, Succeeded, Failed, Cancelled };
    using Work = std::function<void(nnz::JobControl&)>;

    Job(Kind kind, QString title, Work work, QObject* parent = nullptr);

    Kind kind() const { return kind_; }
    QString title() const { return title_; }
    State state() const { return state_; }
    bool finished() const { return state_ != State::Queued && state_ != State::Running; }
    // What the job produced that a person may want to look at ("Open folder"); may be empty.
    QString resultFolder() const { return result_folder_; }
    void setResultFolder(const QString& folder) { result_folder_ = folder; }
    // One line on how the job runs (preset, device, threads), shown under the title; may be empty.
    QString details() const { return details_; }
    void setDetails(const QString& details);
    QString errorMessage() const { return error_message_; }
    nnz::ErrorCode errorCode() const { return error_code_; }

    // Thread-safe counters written by the worker; read them, never write them from the GUI.
    const nnz::JobControl& control() const { return *control_; }
    double elapsedSeconds() const;  // running time, pauses excluded
    bool paused() const { return control_->paused(); }

    void setPaused(bool paused);
    // A queued job is dropped at once; a running one stops at its next checkpoint (the core
    // removes its temporary files) and then reports Cancelled.
    void cancel();

signals:
    void started();
    void pausedChanged(bool paused);
    void detailsChanged(const QString& details);
    void finishedWith(nnz::ui::Job::State state);

private:
    friend class JobRunner;
    void markStarted();
    void markFinished(State state, nnz::ErrorCode code, const QString& message);

    Kind kind_;
    QString title_;
    Work work_;
    std::unique_ptr<nnz::JobControl> control_ = std::make_unique<nnz::JobControl>();
    State state_ = State::Queued;
    QString result_folder_;
    QString details_;
    QString error_message_;
    nnz::ErrorCode error_code_ = nnz::ErrorCode::Internal;
    QElapsedTimer clock_;
    QElapsedTimer pause_clock_;
    qint64 paused_ms_ = 0;
    qint64 final_ms_ = -1;
};

class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    // Cancels whatever is queued or running and waits for the worker: the core then removes its
    // temporary files before the application goes away.
    ~JobRunner() override;

    // Takes ownership of nothing outside Qt: the Job is a child of the runner.
    Job* enqueue(Job::Kind kind, const QString& title, Job::Work work, const QString& resultFolder = {});
    bool busy() const { return running_ != nullptr || !queue_.empty(); }
    Job* runningJob() const { return running_; }
    void cancelAll();

signals:
    void jobAdded(nnz::ui::Job* job);
    void jobStarted(nnz::ui::Job* job);
    void jobFinished(nnz::ui::Job* job);
    void allFinished();

private:
    struct Outcome {
        Job::State state = Job::State::Succeeded;
        nnz::ErrorCode code = nnz::ErrorCode::Internal;
        QString message;
    };
    void startNext();
    void onWorkerDone(Job* job, const Outcome& outcome);

    std::deque<Job*> queue_;
    Job* running_ = nullptr;
    std::thread worker_;
};

}  // namespace nnz::ui
