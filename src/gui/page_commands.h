#pragma once
// What the window-wide shortcuts mean on a page: Ctrl+N creates the page's
// kind of record, Ctrl+F jumps to its search field, Ctrl+P prints what it
// shows. A page names the commands it supports when it is made and
// implements those; the main window routes each shortcut to the page on
// screen and disables it where it means nothing.
namespace dd::gui {

class PageCommands {
 public:
  enum Command : unsigned { Create = 1u << 0, Find = 1u << 1, Print = 1u << 2 };
  explicit PageCommands(unsigned supported = 0) : supported_(supported) {}
  virtual ~PageCommands() = default;
  bool supports(Command command) const { return (supported_ & command) != 0; }
  virtual void createRecord() {}
  virtual void focusFind() {}
  virtual void printPage() {}
  // Called when the page becomes visible (refresh stale data cheaply).
  virtual void pageShown() {}

 private:
  unsigned supported_;
};

}  // namespace dd::gui
