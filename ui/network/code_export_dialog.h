#pragma once
// File ▸ Export ▸ PyTorch Script… / Jupyter Notebook…: the network page's session as Python code
// that trains the same network exactly as the page does and prints the CSV of
// `activation-lab train`. The dialog chooses the format, the starting weights (initial, to replay
// the training; or the current ones) and the epochs, previews the code, and saves it with its
// data file through one atomic write (core/export/pytorch_export.h makes the text).

#include <QDialog>
#include <QString>

#include "export/pytorch_export.h"
#include "nn/session.h"

class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace actlab::ui {

/// The export dialog for one session (the page's trained session when it opened).
class CodeExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Format { Script, Notebook };

    /// `lang` is the interface's language: the notebook's explanations follow it.
    CodeExportDialog(nn::Session session, Format format, const QString& lang,
                     QWidget* parent = nullptr);

    Format format() const;
    void setFormat(Format format);
    pytorch::StartWeights startWeights() const;
    void setStartWeights(pytorch::StartWeights weights);
    int epochs() const;
    void setEpochs(int epochs);
    /// The options of the code as now chosen (the data file named after `outputPath`).
    pytorch::PytorchExportOptions options(const QString& outputPath = {}) const;
    /// The code as it would be saved now (the preview's text).
    QString codeText() const;

    /// Writes the code to `path`, and its data file next to it when the data has more than
    /// 1,000 points; both or nothing. "" on success, else the message.
    QString saveTo(const QString& path) const;
    /// The file name a save dialog proposes ("activation-lab.py", ".ipynb").
    QString suggestedFileName() const;
    /// A line above the options (which network is exported), hidden when empty.
    void setNote(const QString& note);
    /// The folder the save dialog starts in, updated after each save (the page's; outlives this).
    void setFolder(QString* lastDir) { m_lastDir = lastDir; }

signals:
    /// A message for the status bar after a save (timeout in ms).
    void saved(const QString& text, int timeoutMs);

private:
    void updatePreview();
    void chooseFileAndSave();

    nn::Session m_session;
    QString m_lang;
    QString* m_lastDir = nullptr;
    QButtonGroup* m_formatGroup;
    QRadioButton* m_script;
    QRadioButton* m_notebook;
    QButtonGroup* m_weightsGroup;
    QRadioButton* m_initial;
    QRadioButton* m_current;
    QSpinBox* m_epochs;
    QLabel* m_note;
    QLabel* m_summary;
    QPlainTextEdit* m_preview;
    QPushButton* m_save;
};

}  // namespace actlab::ui
