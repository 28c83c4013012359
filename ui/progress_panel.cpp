#include "progress_panel.hpp"

#include <QDesktopServices>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "bpb_chart.hpp"

namespace nnz::ui {

QString formatBytes(double bytes)
{
    if (bytes < 1000) return QObject::tr("%n byte(s)", nullptr, int(bytes));
    if (bytes < 1e6) return QObject::tr("%1 KB").arg(bytes / 1e3, 0, 'f', 1);
    if (bytes < 1e9) return QObject::tr("%1 MB").arg(bytes / 1e6, 0, 'f', bytes < 1e7 ? 2 : 1);
    return QObject::tr("%1 GB").arg(bytes / 1e9, 0, 'f', 2);
}

QString formatDuration(double seconds)
{
    if (!(seconds >= 0) || seconds > 359999) return QStringLiteral("--:--");
    const long s = std::lround(seconds);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar('0')).arg(s % 60, 2, 10, QChar('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QChar('0'));
}

namespace {

bool producesArchive(Job::Kind kind)
{
    return kind == Job::Kind::Create || kind == Job::Kind::Add || kind == Job::Kind::Delete || kind == Job::Kind::Rename ||
           kind == Job::Kind::Password || kind == Job::Kind::Recovery;
}

}  // namespace

ProgressPanel::ProgressPanel(Job* job, QWidget* parent) : QWidget(parent), job_(job)
{
    setObjectName(QStringLiteral("progressPanel"));
    auto* frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(frame);

    title_ = new QLabel(job->title(), frame);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_ = new QLabel(job->details(), frame);
    details_->setEnabled(false);  // the dimmed look: secondary information
    details_->setVisible(!job->details().isEmpty());
    warnings_ = new QLabel(frame);
    warnings_->setObjectName(QStringLiteral("warnings"));
    warnings_->setWordWrap(true);
    warnings_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    warnings_->hide();
    status_ = new QLabel(tr("Waiting"), frame);
    status_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    bar_ = new QProgressBar(frame);
    bar_->setRange(0, 1000);
    bar_->setFormat(QStringLiteral("%p%"));
    bytes_ = new QLabel(frame);
    speed_ = new QLabel(frame);
    bpb_ = new QLabel(frame);
    current_ = new QLabel(frame);
    current_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    current_->setMinimumWidth(100);
    current_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    chart_ = new BpbChart(frame);

    pause_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), frame);
    cancel_ = new QPushButton(style()->standardIcon(QStyle::SP_DialogCancelButton), tr("&Cancel"), frame);
    open_folder_ = new QPushButton(style()->standardIcon(QStyle::SP_DirOpenIcon), tr("&Open folder"), frame);
    close_ = new QPushButton(style()->standardIcon(QStyle::SP_DialogCloseButton), tr("Clo&se"), frame);
    open_folder_->hide();
    close_->hide();

    auto* header = new QHBoxLayout;
    header->addWidget(title_, 1);
    header->addWidget(status_);
    auto* details = new QGridLayout;
    details->addWidget(bytes_, 0, 0);
    details->addWidget(speed_, 0, 1);
    details->addWidget(bpb_, 1, 0);
    details->addWidget(current_, 1, 1);
    details->setColumnStretch(0, 1);
    details->setColumnStretch(1, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(pause_);
    buttons->addWidget(cancel_);
    buttons->addWidget(open_folder_);
    buttons->addWidget(close_);
    auto* layout = new QVBoxLayout(frame);
    layout->addLayout(header);
    layout->addWidget(details_);
    layout->addWidget(warnings_);
    layout->addWidget(bar_);
    layout->addLayout(details);
    layout->addWidget(chart_);
    layout->addLayout(buttons);

    timer_ = new QTimer(this);
    timer_->setInterval(200);
    connect(timer_, &QTimer::timeout, this, &ProgressPanel::poll);
    connect(pause_, &QPushButton::clicked, this, [this] {
        if (job_) job_->setPaused(!job_->paused());
    });
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (job_) job_->cancel();
        cancel_->setEnabled(false);
        status_->setText(tr("Cancelling…"));
    });
    connect(open_folder_, &QPushButton::clicked, this, &ProgressPanel::openFolder);
    connect(close_, &QPushButton::clicked, this, &ProgressPanel::closeRequested);
    connect(job, &Job::detailsChanged, this, [this](const QString& details) {
        details_->setText(details);
        details_->setVisible(!details.isEmpty());
    });
    connect(job, &Job::started, this, &ProgressPanel::onStarted);
    connect(job, &Job::finishedWith, this, &ProgressPanel::onFinished);
    connect(job, &Job::pausedChanged, this, [this](bool paused) {
        pause_->setText(paused ? tr("&Resume") : tr("&Pause"));
        pause_->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
        status_->setText(paused ? tr("Paused") : tr("Running"));
    });

    if (job->state() == Job::State::Running) onStarted();
    else if (job->finished()) onFinished(job->state());
    else poll();
}

int ProgressPanel::percent() const { return bar_->value() / 10; }
QString ProgressPanel::statusText() const { return status_->text(); }
QString ProgressPanel::bpbText() const { return bpb_->text(); }
QString ProgressPanel::detailsText() const { return details_->text(); }
QString ProgressPanel::warningsText() const { return warnings_->text(); }
QString ProgressPanel::currentText() const { return current_->toolTip(); }

void ProgressPanel::onStarted()
{
    status_->setText(tr("Running"));
    timer_->start();
    poll();
}

void ProgressPanel::poll()
{
    if (!job_) return;
    const nnz::JobControl& control = job_->control();
    const auto total = control.total_input.load();
    const auto done = control.done_input.load();
    const auto bits = control.done_output_bits.load();
    const auto currentInput = control.current_input.load();
    const auto currentBits = control.current_output_bits.load();
    const double elapsed = job_->elapsedSeconds();

    bar_->setValue(total > 0 ? int(1000.0 * double(std::min(done, total)) / double(total)) : 0);
    // While decoding, the bits are the packed bytes read for what was decoded (block by block).
    if (producesArchive(job_->kind()))
        bytes_->setText(tr("In %1 of %2 · out %3").arg(formatBytes(double(done)), formatBytes(double(total)),
                                                        formatBytes(double(bits) / 8)));
    else
        bytes_->setText(tr("%1 of %2 decoded · from %3").arg(formatBytes(double(done)), formatBytes(double(total)),
                                                              formatBytes(double(bits) / 8)));
    const double speed = elapsed > 0 ? double(done) / elapsed : 0;
    const double eta = speed > 0 && total >= done ? double(total - done) / speed : -1;
    speed_->setText(job_->finished() ? tr("%1/s · took %2").arg(formatBytes(speed), formatDuration(elapsed))
                                     : tr("%1/s · ETA %2").arg(formatBytes(speed), formatDuration(eta)));
    const QString overall = done > 0 && bits > 0 ? QString::number(double(bits) / double(done), 'f', 3) : QStringLiteral("–");
    const QString current = currentInput > 0 && currentBits > 0
                                ? QString::number(double(currentBits) / double(currentInput), 'f', 3)
                                : overall;
    bpb_->setText(tr("%1 bpb overall · %2 current").arg(overall, current));
    const QString name = QString::fromStdString(control.current_name());
    current_->setText(name.isEmpty() ? QString() : fontMetrics().elidedText(name, Qt::ElideMiddle, std::max(100, current_->width())));
    current_->setToolTip(name);
    chart_->addSample(done, bits, total);
    // An edit's decoding of old blocks moves none of the counters above: say so in the status.
    if (job_->state() == Job::State::Running && !job_->paused() && cancel_->isEnabled()) {
        const auto decoding = control.old_block_decoding();
        const int verifying = control.verifying_percent.load();
        const int testing = control.testing_percent.load();
        status_->setText(decoding.blocks > 0 ? tr("Decoding old block %1 of %2: %3%")
                                                   .arg(decoding.block)
                                                   .arg(decoding.blocks)
                                                   .arg(decoding.percent)
                         : testing >= 0   ? tr("Testing the archive before keeping it: %1%").arg(testing)
                         : verifying >= 0 ? tr("Verifying before deleting the files: %1%").arg(verifying)
                                          : tr("Running"));
    }
    if (const auto warnings = control.warnings(); warnings.size() != shown_warnings_) {
        QStringList lines;
        for (const std::string& warning : warnings) lines << tr("Warning: %1").arg(QString::fromStdString(warning));
        warnings_->setText(lines.join(QLatin1Char('\n')));
        warnings_->setVisible(!lines.isEmpty());
        shown_warnings_ = warnings.size();
    }
}

void ProgressPanel::onFinished(Job::State state)
{
    timer_->stop();
    poll();
    pause_->hide();
    cancel_->hide();
    close_->show();
    switch (state) {
    case Job::State::Succeeded:
        status_->setText(tr("Done"));
        bar_->setValue(bar_->maximum());
        open_folder_->setVisible(job_ && !job_->resultFolder().isEmpty());
        break;
    case Job::State::Cancelled:
        status_->setText(tr("Cancelled"));
        current_->setText(tr("Nothing was left behind."));
        break;
    default:
        status_->setText(tr("Failed"));
        current_->setText(job_ ? job_->errorMessage() : QString());
        current_->setToolTip(current_->text());
        break;
    }
}

void ProgressPanel::openFolder()
{
    if (job_ && !job_->resultFolder().isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(job_->resultFolder()));
}

}  // namespace nnz::ui
