#include "documents/template_engine.h"

#include "documents/specimen_data.h"

#include <memory>
#include <vector>

#include <QRegularExpression>

namespace dd::documents {
namespace {

constexpr const char* kContext = "dd::documents";

struct Node {
  enum class Kind { Text, Value, Section, Inverted } kind = Kind::Text;
  QString text;  // literal text, or the name
  int line = 0;
  std::vector<Node> children;
};

int lineAt(const QString& html, qsizetype position) {
  return static_cast<int>(QStringView(html).left(position).count(QLatin1Char('\n'))) + 1;
}

Expected<std::vector<Node>> parse(const QString& html) {
  static const QRegularExpression tag(QStringLiteral(R"(\{\{\s*([#^/]?)\s*(.*?)\s*\}\})"),
                                      QRegularExpression::DotMatchesEverythingOption);
  static const QRegularExpression validName(QStringLiteral(R"(^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$)"));
  std::vector<Node> root;
  std::vector<Node*> open;  // innermost open section last
  auto current = [&]() -> std::vector<Node>& { return open.empty() ? root : open.back()->children; };
  qsizetype position = 0;
  auto it = tag.globalMatch(html);
  while (it.hasNext()) {
    const auto match = it.next();
    const int line = lineAt(html, match.capturedStart());
    if (match.capturedStart() > position)
      current().push_back({Node::Kind::Text, html.mid(position, match.capturedStart() - position), line, {}});
    position = match.capturedEnd();
    const QString sigil = match.captured(1);
    const QString name = match.captured(2);
    if (!validName.match(name).hasMatch())
      return makeError("documents.template_syntax", kContext, QT_TRANSLATE_NOOP("dd::documents",
                       "Template line %1: '%2' is not a valid placeholder (expected a name like {{volunteer.name}})"),
                       {std::to_string(line), match.captured(0).toStdString()});
    if (sigil == QLatin1String("/")) {
      if (open.empty() || open.back()->text != name)
        return makeError("documents.template_syntax", kContext,
                         QT_TRANSLATE_NOOP("dd::documents", "Template line %1: {{/%2}} closes a section that is not open"),
                         {std::to_string(line), name.toStdString()});
      open.pop_back();
      continue;
    }
    const Node::Kind kind = sigil.isEmpty() ? Node::Kind::Value
                            : sigil == QLatin1String("#") ? Node::Kind::Section : Node::Kind::Inverted;
    current().push_back({kind, name, line, {}});
    if (kind != Node::Kind::Value) open.push_back(&current().back());
  }
  if (!open.empty())
    return makeError("documents.template_syntax", kContext,
                     QT_TRANSLATE_NOOP("dd::documents", "Template line %1: section {{#%2}} is never closed"),
                     {std::to_string(open.back()->line), open.back()->text.toStdString()});
  if (position < html.size()) current().push_back({Node::Kind::Text, html.mid(position), 0, {}});
  return root;
}

QString escapeValue(const QString& value) {
  return value.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br/>"));
}

// Walks the tree; a row context maps a section name to the row being printed.
class Filler {
 public:
  Filler(const DocumentData& data, bool preview) : data_(data), preview_(preview) {}

  QString run(const std::vector<Node>& nodes) {
    QString out;
    render(nodes, out);
    return out;
  }
  const QStringList& missing() const { return missing_; }

 private:
  void noteMissing(const QString& name) {
    if (!missing_.contains(name)) missing_.append(name);
  }

  void render(const std::vector<Node>& nodes, QString& out) {
    for (const Node& node : nodes) {
      switch (node.kind) {
        case Node::Kind::Text: out += node.text; break;
        case Node::Kind::Value: out += value(node.text); break;
        case Node::Kind::Section: section(node, out, false); break;
        case Node::Kind::Inverted: section(node, out, true); break;
      }
    }
  }

  QString value(const QString& name) {
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    if (dot > 0) {
      const QString table = name.left(dot);
      for (auto row = rows_.rbegin(); row != rows_.rend(); ++row) {
        if (row->first != table) continue;
        const QString text = row->second->value(name.mid(dot + 1));
        if (!text.isEmpty()) return escapeValue(text);
        return missingValue(QStringLiteral("%1 (%2 %3)").arg(name).arg(row->index + 1).arg(table));
      }
    }
    const QString text = data_.value(name);
    if (!text.isEmpty()) return escapeValue(text);
    return missingValue(name);
  }

  QString missingValue(const QString& label) {
    noteMissing(label);
    if (!preview_) return {};
    return QStringLiteral("<span style=\"background-color:#ffd6d6; color:#a00000;\">[%1]</span>")
        .arg(label.toHtmlEscaped());
  }

  void section(const Node& node, QString& out, bool inverted) {
    if (data_.hasTable(node.text)) {
      const QList<DataRow> rows = data_.table(node.text);
      if (inverted) {
        if (rows.isEmpty()) render(node.children, out);
        return;
      }
      for (int i = 0; i < rows.size(); ++i) {
        rows_.push_back({node.text, &rows[i], i});
        render(node.children, out);
        rows_.pop_back();
      }
      return;
    }
    if (data_.hasFlag(node.text)) {
      if (data_.flag(node.text) != inverted) render(node.children, out);
      return;
    }
    noteMissing((inverted ? QStringLiteral("^") : QStringLiteral("#")) + node.text);
    if (preview_ && !inverted) render(node.children, out);  // show the passage so it can be edited
  }

  struct RowContext {
    QString first;
    const DataRow* second;
    int index;
  };
  const DocumentData& data_;
  bool preview_;
  std::vector<RowContext> rows_;
  QStringList missing_;
};

void collectNames(const std::vector<Node>& nodes, QStringList& names) {
  for (const Node& node : nodes) {
    if (node.kind == Node::Kind::Text) continue;
    const QString name = node.kind == Node::Kind::Value ? node.text : QLatin1Char('#') + node.text;
    if (!names.contains(name)) names.append(name);
    collectNames(node.children, names);
  }
}

}  // namespace

Expected<QString> fillTemplate(const QString& html, const DocumentData& data) {
  auto tree = parse(html);
  if (!tree) return tree.error();
  Filler filler(data, false);
  QString out = filler.run(*tree);
  if (!filler.missing().isEmpty()) {
    QStringList labels;
    for (const QString& name : filler.missing()) labels << placeholderLabel(name);
    const QString names = filler.missing().join(QStringLiteral(", "));
    return makeError("documents.missing_values", kContext,
                     QT_TRANSLATE_NOOP("dd::documents", "The document cannot be printed: no value for %1"),
                     {labels.join(QStringLiteral(", ")).toStdString()}, names.toStdString());
  }
  return out;
}

Expected<QString> fillTemplateForPreview(const QString& html, const DocumentData& data, QStringList* missing) {
  auto tree = parse(html);
  if (!tree) return tree.error();
  Filler filler(data, true);
  QString out = filler.run(*tree);
  if (missing) *missing = filler.missing();
  return out;
}

Expected<QStringList> placeholderNames(const QString& html) {
  auto tree = parse(html);
  if (!tree) return tree.error();
  QStringList names;
  collectNames(*tree, names);
  return names;
}

}  // namespace dd::documents
