#include "bpb_chart.hpp"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace nnz::ui {

BpbChart::BpbChart(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumHeight(70);
    setToolTip(tr("Bits per byte of each stretch of input, along the input"));
}

void BpbChart::clear()
{
    points_.clear();
    last_input_ = 0;
    last_bits_ = 0;
    update();
}

void BpbChart::addSample(quint64 doneInput, quint64 doneOutputBits, quint64 totalInput)
{
    if (doneInput < last_input_) clear();
    total_input_ = totalInput;
    if (doneInput == last_input_) return;
    const double bits = doneOutputBits >= last_bits_ ? double(doneOutputBits - last_bits_) : 0.0;
    const double bpb = bits / double(doneInput - last_input_);
    points_.append(QPointF(double(doneInput), std::clamp(bpb, 0.0, 10.0)));
    last_input_ = doneInput;
    last_bits_ = doneOutputBits;
    update();
}

void BpbChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = rect().adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRoundedRect(frame, 3, 3);

    const QFontMetrics metrics(font());
    const double left = metrics.horizontalAdvance(QStringLiteral("8.0")) + 8;
    const QRectF plot = frame.adjusted(left, 9, -6, -6);
    const double yMax = 8.0;  // bpb of stored data; compressed data sits below it

    // Horizontal guides at 2, 4, 6, 8 bpb, labelled on the left.
    painter.setFont(font());
    for (int level = 2; level <= 8; level += 2) {
        const double y = plot.bottom() - plot.height() * level / yMax;
        painter.setPen(QPen(palette().color(QPalette::Midlight), 1, Qt::DotLine));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRectF(frame.left(), y - metrics.height() / 2.0, left - 4, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, QString::number(level));
    }
    if (points_.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(plot, Qt::AlignCenter, tr("bits per byte"));
        return;
    }

    const double xMax = std::max<double>(double(total_input_), points_.last().x());
    auto map = [&](const QPointF& p) {
        return QPointF(plot.left() + plot.width() * (xMax > 0 ? p.x() / xMax : 0),
                       plot.bottom() - plot.height() * std::min(p.y(), yMax) / yMax);
    };
    // A step line: each poll's bpb holds over the input it covers.
    QPainterPath line;
    QPainterPath area;
    double previousX = 0;
    line.moveTo(map({0, points_.first().y()}));
    area.moveTo(map({0, 0}));
    for (const QPointF& p : points_) {
        line.lineTo(map({previousX, p.y()}));
        line.lineTo(map(p));
        area.lineTo(map({previousX, p.y()}));
        area.lineTo(map(p));
        previousX = p.x();
    }
    area.lineTo(map({previousX, 0}));
    area.closeSubpath();
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(60);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawPath(area);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(line);
}

}  // namespace nnz::ui
