#include "job_runner.hpp"

#include <QMetaObject>

#include <exception>

namespace nnz::ui {

Job::Job(Kind kind, QString title, Work work, QObject* parent)
    : QObject(parent), kind_(kind), title_(std::move(title)), work_(std::move(work))
{
}

double Job::elapsedSeconds() const
{
    if (final_ms_ >= 0) return final_ms_ / 1000.0;
    if (!clock_.isValid()) return 0;
    qint64 paused = paused_ms_;
    if (pause_clock_.isValid()) paused += pause_clock_.elapsed();
    return (clock_.elapsed() - paused) / 1000.0;
}

void Job::setDetails(const QString& details)
{
    details_ = details;
    emit detailsChanged(details);
}

void Job::setPaused(bool paused)
{
    if (finished() || paused == control_->paused()) return;
    control_->set_paused(paused);
    if (paused) {
        pause_clock_.start();
    } else if (pause_clock_.isValid()) {
        paused_ms_ += pause_clock_.elapsed();
        pause_clock_.invalidate();
    }
    emit pausedChanged(paused);
}

void Job::cancel()
{
    if (finished()) return;
    control_->request_cancel();
    if (state_ == State::Queued) markFinished(State::Cancelled, nnz::ErrorCode::Cancelled, tr("Cancelled before it started."));
}

void Job::markStarted()
{
    state_ = State::Running;
    clock_.start();
    emit started();
}

void Job::markFinished(State state, nnz::ErrorCode code, const QString& message)
{
    if (pause_clock_.isValid()) {
        paused_ms_ += pause_clock_.elapsed();
        pause_clock_.invalidate();
    }
    final_ms_ = clock_.isValid() ? clock_.elapsed() - paused_ms_ : 0;
    state_ = state;
    error_code_ = code;
    error_message_ = message;
    emit finishedWith(state);
}

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner()
{
    for (Job* job : queue_) job->control_->request_cancel();
    if (running_) running_->control_->request_cancel();
    // The queued completion call dies with this object; only the thread must be waited for.
    if (worker_.joinable()) worker_.join();
}

Job* JobRunner::enqueue(Job::Kind kind, const QString& title, Job::Work work, const QString& resultFolder)
{
    auto* job = new Job(kind, title, std::move(work), this);
    job->setResultFolder(resultFolder);
    queue_.push_back(job);
    emit jobAdded(job);
    // Started from the event loop, so whoever enqueues can connect to the job's signals first.
    QMetaObject::invokeMethod(this, &JobRunner::startNext, Qt::QueuedConnection);
    return job;
}

void JobRunner::cancelAll()
{
    // Copy: cancelling a queued job finishes it, which may make listeners enqueue or clear.
    const std::deque<Job*> queued = queue_;
    for (Job* job : queued) job->cancel();
    if (running_) running_->cancel();
}

void JobRunner::startNext()
{
    if (running_) return;
    while (!queue_.empty() && queue_.front()->finished()) {
        Job* dropped = queue_.front();
        queue_.pop_front();
        emit jobFinished(dropped);
    }
    if (queue_.empty()) {
        emit allFinished();
        return;
    }
    Job* job = queue_.front();
    queue_.pop_front();
    running_ = job;
    if (worker_.joinable()) worker_.join();
    job->markStarted();
    emit jobStarted(job);

    // The worker gets the work function and the control block, never the QObject.
    worker_ = std::thread([this, job, work = job->work_, control = job->control_.get()] {
        Outcome outcome;
        try {
            work(*control);
        } catch (const nnz::Error& e) {
            outcome.state = e.code() == nnz::ErrorCode::Cancelled ? Job::State::Cancelled : Job::State::Failed;
            outcome.code = e.code();
            outcome.message = QString::fromStdString(e.what());
        } catch (const std::exception& e) {
            outcome.state = Job::State::Failed;
            outcome.message = QString::fromStdString(e.what());
        } catch (...) {
            outcome.state = Job::State::Failed;
            outcome.message = tr("unknown error");
        }
        // Delivered on the runner's (GUI) thread; dropped if the runner is gone by then.
        QMetaObject::invokeMethod(
            this, [this, job, outcome] { onWorkerDone(job, outcome); }, Qt::QueuedConnection);
    });
}

void JobRunner::onWorkerDone(Job* job, const Outcome& outcome)
{
    if (worker_.joinable()) worker_.join();
    running_ = nullptr;
    job->markFinished(outcome.state, outcome.code, outcome.message);
    emit jobFinished(job);
    startNext();
}

}  // namespace nnz::ui
