#pragma once
// Internal: resolving typing tokens against the index and reducing '/'
// lists, shared by validate(), reduceInto() and expandSlot().
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hla/nomenclature_index.h"

namespace dd::hla {

// One resolved token. Its canonical spelling is kept in a fixed buffer so a
// token costs no allocation.
struct Token {
  char text[64];
  std::uint8_t length = 0;
  TokenKind kind = TokenKind::Allele;
  Locus locus = Locus::A;
  const detail::Entry* entry = nullptr;  // nullptr for a MAC code (see macBegin/macEnd)
  bool hla = false;                      // written with "HLA-": reduce() keeps it on the names it prints
  std::uint32_t macBegin = 0, macEnd = 0;  // parts in the engine's scratch
  std::string_view canonical() const { return {text, length}; }
};

class TypingEngine {
 public:
  explicit TypingEngine(const Nomenclature& n) : n_(n), ix_(*n.index_) {}

  // Resolves one token (already split out of a GL String). Renamed names
  // resolve to their successor with a warning.
  dd::Status resolve(std::string_view raw, Token& token, std::vector<dd::Message>* warnings) const;

  // Calls f(AlleleId) for every current allele the token may be.
  template <class F>
  void forEachAllele(const Token& token, F&& f) const {
    if (token.entry) return forEachInEntry(*token.entry, f);
    for (std::uint32_t i = token.macBegin; i < token.macEnd; ++i) forEachInEntry(*macEntries()[i], f);
  }

  // Reduces one '/' list (the tokens between other GL operators) and appends it to out.
  // strict: DonorDesk's null reading (ReduceOptions::strictNulls) instead of py-ard's.
  dd::Status reduceList(std::string_view list, Level level, std::string& out,
                        std::vector<dd::Message>* warnings, bool strict = false) const;

  // Splits a GL String into '/' lists and operators: f(list) for each list,
  // op(char) for each operator between them. Checks empty elements.
  template <class F, class Op>
  dd::Status forEachList(std::string_view gl, F&& f, Op&& op) const {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= gl.size(); ++i) {
      if (i < gl.size() && !isListOperator(gl[i])) continue;
      const std::string_view list = trim(gl.substr(start, i - start));
      if (list.empty()) return emptyElement(gl);
      if (dd::Status s = f(list); !s) return s;
      if (i < gl.size()) op(gl[i]);
      start = i + 1;
    }
    return {};
  }

  static bool isListOperator(char c) { return c == '~' || c == '+' || c == '|' || c == '^'; }
  static std::string_view trim(std::string_view s);
  static dd::Error emptyElement(std::string_view gl);
  // Calls f(token text) for each '/'-separated token of a list.
  template <class F>
  static dd::Status forEachToken(std::string_view list, F&& f) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= list.size(); ++i) {
      if (i < list.size() && list[i] != '/') continue;
      const std::string_view token = trim(list.substr(start, i - start));
      if (token.empty()) return emptyElement(list);
      if (dd::Status s = f(token); !s) return s;
      start = i + 1;
    }
    return {};
  }

  static void clearScratch();
  static std::string_view macName(std::uint32_t i);  // spelled-out MAC part i ("A*02:01")

 private:
  template <class F>
  void forEachInEntry(const detail::Entry& e, F& f) const {
    if (!e.range) {
      for (std::uint32_t i = e.begin; i < e.end; ++i) f(ix_.members[i]);
      return;
    }
    for (AlleleId a = e.begin; a < e.end; ++a) {
      const char s = n_.expressionSuffix(a);
      if (e.filter == 0 || (e.filter == '!' ? s != 'N' : s == e.filter)) f(a);
    }
  }
  static std::vector<const detail::Entry*>& macEntries();
  dd::Status resolveMac(std::string_view locusPart, std::string_view first, std::string_view code, Token& token) const;
  dd::Error unresolved(std::string_view normalized, std::string_view original) const;
  dd::Status emitList(std::span<const Token> tokens, Level level, std::string& out, bool strict) const;
  void collectStrict(std::span<const Token> tokens, Level level) const;
  void collectPyArd(const Token& t, const detail::Entry& e, Level level) const;
  void collectNames(std::span<const AlleleId> alleles, Level level, bool hla, GroupId fallback) const;

  const Nomenclature& n_;
  const Nomenclature::Index& ix_;
};

}  // namespace dd::hla
