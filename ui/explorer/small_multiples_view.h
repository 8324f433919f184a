#pragma once
// "All activations": a grid of thumbnails of f and f′, one per registry row and grouped like the
// chooser. Clicking a thumbnail selects that activation.

#include <QAbstractButton>
#include <QPolygonF>
#include <QWidget>
#include <vector>

#include "activations/activation_spec.h"

class QFontMetrics;
class QGridLayout;
class QLabel;

namespace actlab::ui {

class ExplorerState;

/// One activation drawn small: its name, f and f′ on the explorer's x range.
class ActivationThumbnail : public QAbstractButton {
    Q_OBJECT
public:
    /// A thumbnail of `spec` with its default parameters on [−6, 6].
    ActivationThumbnail(const ActivationSpec& spec, QWidget* parent = nullptr);

    /// The activation drawn.
    const ActivationSpec& spec() const { return *m_spec; }
    /// Draws the curves with these parameters, on this x range, with the name in `lang`.
    void setParams(const ParamValues& params);
    void setXRange(double xMin, double xMax);
    void setLanguage(const QString& lang);
    /// Highlights the thumbnail of the current activation.
    void setCurrent(bool current);
    /// True for the current activation's thumbnail.
    bool isCurrent() const { return m_current; }

    /// A card of about 190×120, at least 130×80.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void resample();
    /// The name drawn in `width` pixels: the full one, or the brief one where it does not fit.
    QString shownName(const QFontMetrics& fm, int width) const;

    const ActivationSpec* m_spec;
    ActivationRef m_row;  ///< keeps a formula row alive
    ParamValues m_params;
    double m_xMin = -6, m_xMax = 6;
    QString m_lang = QStringLiteral("en");
    bool m_current = false;
    bool m_hover = false;
    bool m_valid = true;
    bool m_dirty = true;
    std::vector<double> m_xs, m_f, m_df;
    double m_yMin = -1, m_yMax = 1;
};

/// The grid of all activations.
class SmallMultiplesView : public QWidget {
    Q_OBJECT
public:
    /// A grid that follows `state`: its current activation, parameters and x range.
    explicit SmallMultiplesView(ExplorerState* state, QWidget* parent = nullptr);

    /// The thumbnail of `id`, or nullptr.
    ActivationThumbnail* thumbnail(const QString& id) const;
    /// The number of thumbnails: one per registry row, and the formula typed last, if any.
    int count() const { return static_cast<int>(m_thumbnails.size()) + (m_formula ? 1 : 0); }
    /// The thumbnail of the formula typed last, or nullptr.
    ActivationThumbnail* formulaThumbnail() const { return m_formula; }
    /// Shows the names in `lang`.
    void setLanguage(const QString& lang);

signals:
    /// A thumbnail was clicked.
    void activationClicked(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    static constexpr int kMaxColumns = 5;
    void changeEvent(QEvent* event) override;
    void retranslate();
    void syncCurrent();
    /// Places the hint, the group titles and the thumbnails in `columns` columns.
    void arrange(int columns);
    /// The columns and the hint for a width of `width` pixels.
    void fitColumns(int width);
    /// Shows the formula typed last as the grid's last card, under its own heading.
    void syncFormula();

    ExplorerState* m_state;
    std::vector<ActivationThumbnail*> m_thumbnails;
    std::vector<std::pair<Group, QLabel*>> m_headers;
    ActivationThumbnail* m_formula = nullptr;
    QLabel* m_formulaHeader = nullptr;
    QLabel* m_hint = nullptr;
    QString m_lang = QStringLiteral("en");
    QString m_hintText;
    QGridLayout* m_grid = nullptr;
    int m_columns = 0;
    bool m_watching = false;
};

}  // namespace actlab::ui
