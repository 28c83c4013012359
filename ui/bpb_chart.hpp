#pragma once
// A small live chart of bits per byte along the input: one point per progress poll, x = input
// bytes done, y = bpb of the output written so far for the latest stretch of input.
#include <QPointF>
#include <QVector>
#include <QWidget>

namespace nnz::ui {

class BpbChart : public QWidget {
    Q_OBJECT
public:
    explicit BpbChart(QWidget* parent = nullptr);

    // Cumulative counters, as polled; the chart derives the bpb of each stretch between polls.
    // A smaller input count than before starts a new phase and clears the chart.
    void addSample(quint64 doneInput, quint64 doneOutputBits, quint64 totalInput);
    void clear();
    int pointCount() const { return int(points_.size()); }
    const QVector<QPointF>& points() const { return points_; }  // (input bytes, bpb)

    QSize sizeHint() const override { return {320, 90}; }
    QSize minimumSizeHint() const override { return {120, 60}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QVector<QPointF> points_;
    quint64 last_input_ = 0;
    quint64 last_bits_ = 0;
    quint64 total_input_ = 0;
};

}  // namespace nnz::ui
