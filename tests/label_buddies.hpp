#pragma once
// A label with a mnemonic ("Extract &to:") must name the widget Alt+key focuses: without a buddy
// Qt shows the '&' itself. QFormLayout::addRow(text, layout) sets none.
#include <QLabel>
#include <QStringList>
#include <QWidget>

// The texts of the labels under `window` whose mnemonic leads nowhere that takes focus.
inline QStringList labelsWithoutBuddy(const QWidget& window)
{
    QStringList lost;
    for (const QLabel* label : window.findChildren<QLabel*>()) {
        if (!label->text().contains(QLatin1Char('&')) || label->textFormat() == Qt::RichText) continue;
        const QWidget* buddy = label->buddy();
        while (buddy && buddy->focusProxy()) buddy = buddy->focusProxy();
        if (!buddy || buddy->focusPolicy() == Qt::NoFocus) lost << label->text();
    }
    return lost;
}
