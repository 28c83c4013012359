#pragma once
// What a screen reader says for each field: a widget that takes the keyboard needs a name, its
// own (setAccessibleName), its text (buttons, boxes) or a label's whose buddy it is. Orca reads
// an unnamed one as "edit" or "tree", nothing more.
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QStringList>
#include <QWidget>

// The class and object names of the widgets under `window`, shown with it, that take focus and
// have no accessible name. A line edit inside a combo or spin box is named with it.
inline QStringList unnamedFields(const QWidget& window)
{
    QStringList unnamed;
    for (QWidget* widget : window.findChildren<QWidget*>()) {
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(&window)) continue;
        if (qobject_cast<QLineEdit*>(widget) &&
            (qobject_cast<QComboBox*>(widget->parent()) || qobject_cast<QAbstractSpinBox*>(widget->parent())))
            continue;
        const QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).isEmpty())
            unnamed << QStringLiteral("%1 %2").arg(QLatin1String(widget->metaObject()->className()), widget->objectName());
    }
    return unnamed;
}
