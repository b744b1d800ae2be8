#pragma once
// What the window-wide shortcuts mean on a page: Ctrl+N creates the page's
// kind of record, Ctrl+F jumps to its search field, Ctrl+P prints what it
// shows. Pages implement the ones that make sense; the main window routes
// each shortcut to the page on screen and disables it where it means nothing.
namespace dd::gui {

class PageCommands {
 public:
  virtual ~PageCommands() = default;
  virtual bool canCreate() const { return false; }
  virtual void createRecord() {}
  virtual bool canFind() const { return false; }
  virtual void focusFind() {}
  virtual bool canPrint() const { return false; }
  virtual void printPage() {}
  // Called when the page becomes visible (refresh stale data cheaply).
  virtual void pageShown() {}
};

}  // namespace dd::gui
