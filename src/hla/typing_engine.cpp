#include "hla/typing_engine.h"

#include <cstring>

#include "hla/allele_name.h"

namespace dd::hla {
using namespace detail;

namespace {
constexpr const char* kContext = "dd::hla";

struct Scratch {
  std::vector<const Entry*> macEntries;
  std::string macNames;  // the spelled-out names of macEntries, for --level exp
  std::vector<std::uint32_t> macNameEnds;
};
Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

dd::Error tokenError(const char* code, const char* text, std::string_view token, std::vector<std::string> more = {}) {
  std::vector<std::string> args{std::string(token)};
  args.insert(args.end(), more.begin(), more.end());
  return dd::makeError(code, kContext, text, std::move(args), std::string(token));
}

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<const Entry*>& TypingEngine::macEntries() { return scratch().macEntries; }
std::string_view TypingEngine::macName(std::uint32_t i) {
  const Scratch& s = scratch();
  const std::uint32_t begin = i == 0 ? 0 : s.macNameEnds[i - 1];
  return std::string_view(s.macNames).substr(begin, s.macNameEnds[i] - begin);
}
void TypingEngine::clearScratch() {
  scratch().macEntries.clear();
  scratch().macNames.clear();
  scratch().macNameEnds.clear();
}

std::string_view TypingEngine::trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

dd::Error TypingEngine::emptyElement(std::string_view gl) {
  return tokenError("hla.empty_element",
                    QT_TRANSLATE_NOOP("dd::hla", "'%1' has an empty element: an operator (/ ~ + | ^) at the start or end, or two in a row."),
                    gl);
}

dd::Status TypingEngine::resolve(std::string_view raw, Token& token, std::vector<dd::Message>* warnings) const {
  std::string_view text = trim(raw);
  const bool hla = text.size() > 4 && (text[0] == 'H' || text[0] == 'h') &&
                   (text[1] == 'L' || text[1] == 'l') && (text[2] == 'A' || text[2] == 'a') && text[3] == '-';
  if (hla) text.remove_prefix(4);
  token.hla = hla;
  if (text.empty() || text.size() >= sizeof token.text)
    return tokenError("hla.malformed", QT_TRANSLATE_NOOP("dd::hla", "'%1' is not an HLA typing (expected e.g. A*02:01, A2 or A*02:XX)."), raw);
  // Canonical case: upper case, except the 'g' that ends an lg name.
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // The 'g' of an lg name follows a digit or an expression suffix ("A*66:26Qg").
    const bool lgMark = c == 'g' && i + 1 == text.size() && i > 0 &&
                        (isDigit(text[i - 1]) || isExpressionSuffix(static_cast<char>(text[i - 1] & ~0x20)));
    if (c >= 'a' && c <= 'z' && !lgMark) c = static_cast<char>(c - 32);
    if (!isUpper(c) && !isDigit(c) && c != ':' && c != '*' && c != 'g') {
      // Name the whole character, also when it is a multi-byte UTF-8 one ("，").
      const unsigned char lead = static_cast<unsigned char>(text[i]);
      const std::size_t bytes = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      return tokenError("hla.bad_character",
                        QT_TRANSLATE_NOOP("dd::hla", "'%1' contains '%2', which does not belong in an HLA name."), raw,
                        {std::string(text.substr(i, bytes))});
    }
    token.text[n++] = c;
  }
  if (n > 3 && token.text[0] == 'C' && token.text[1] == 'W' && token.text[2] == '*') {  // old "Cw*" allele names
    std::memmove(token.text + 1, token.text + 2, n - 2);
    --n;
  }
  token.length = static_cast<std::uint8_t>(n);
  token.entry = nullptr;
  const std::string_view normalized = token.canonical();

  if (const Entry* e = ix_.tokens.find(normalized)) {
    token.entry = e;
    token.kind = e->kind;
    token.locus = e->locus;
    if (e->antigen != kNoAntigen) {  // canonical serology spelling: "Cw7", "DR15"
      const std::string& name = n_.antigenName(e->antigen);
      std::memcpy(token.text, name.data(), name.size());
      token.length = static_cast<std::uint8_t>(name.size());
    }
    return {};
  }
  if (const std::uint32_t* d = ix_.deleted.find(normalized)) {
    const DeletedName& deleted = ix_.deletedNames[*d];
    if (deleted.successor.empty())
      return tokenError("hla.deleted_allele",
                        QT_TRANSLATE_NOOP("dd::hla", "'%1' was removed from the HLA nomenclature (%2) and has no current name."),
                        normalized, {deleted.reason});
    if (warnings)
      warnings->push_back({kContext, QT_TRANSLATE_NOOP("dd::hla", "%1 is no longer a current name (%2); read as %3."),
                           {std::string(normalized), deleted.reason, deleted.successor}});
    dd::Status renamed = resolve(deleted.successor, token, nullptr);
    token.hla = hla;
    return renamed;
  }
  const std::size_t star = normalized.find('*');
  if (star != std::string_view::npos) {
    const std::string_view rest = normalized.substr(star + 1);
    const std::size_t colon = rest.find(':');
    if (colon != std::string_view::npos && rest.find(':', colon + 1) == std::string_view::npos &&
        looksLikeMacCode(rest.substr(colon + 1)) && parseLocus(normalized.substr(0, star)))
      return resolveMac(normalized.substr(0, star), rest.substr(0, colon), rest.substr(colon + 1), token);
  }
  return unresolved(normalized, raw);
}

dd::Status TypingEngine::resolveMac(std::string_view locusPart, std::string_view first, std::string_view code,
                                    Token& token) const {
  const std::string_view normalized = token.canonical();
  if (!parseFields(Locus::A, first, "")) return unresolved(normalized, normalized);
  if (n_.macTable().empty())
    return tokenError("hla.no_mac_table",
                      QT_TRANSLATE_NOOP("dd::hla", "'%1' uses the multiple-allele code %2, but no MAC table is loaded (use --mac FILE)."),
                      normalized, {std::string(code)});
  const MacTable::Entry* mac = n_.macTable().find(code);
  if (!mac)
    return tokenError("hla.unknown_mac",
                      QT_TRANSLATE_NOOP("dd::hla", "'%1': the multiple-allele code %2 is not in the loaded MAC table."),
                      normalized, {std::string(code)});
  const Locus locus = *parseLocus(locusPart);
  auto& entries = macEntries();
  token.macBegin = static_cast<std::uint32_t>(entries.size());
  std::string name;
  for (const std::string& part : mac->parts) {
    name.assign(locusPart);
    name += '*';
    if (mac->generic) {
      name += first;
      name += ':';
    }
    name += part;
    if (const Entry* e = ix_.tokens.find(name); e && e->kind != TokenKind::Serology) {
      entries.push_back(e);
      scratch().macNames += name;
      scratch().macNameEnds.push_back(static_cast<std::uint32_t>(scratch().macNames.size()));
    }
  }
  token.macEnd = static_cast<std::uint32_t>(entries.size());
  if (token.macBegin == token.macEnd)
    return tokenError("hla.mac_no_alleles",
                      QT_TRANSLATE_NOOP("dd::hla", "'%1': none of the alleles of code %2 exist in IPD-IMGT/HLA %3."),
                      normalized, {std::string(code), n_.release()});
  token.kind = TokenKind::Mac;
  token.locus = locus;
  return {};
}

// Why a token is not known: bad locus, malformed fields, or a well-formed
// name this release does not have.
dd::Error TypingEngine::unresolved(std::string_view normalized, std::string_view original) const {
  const std::size_t star = normalized.find('*');
  if (star == std::string_view::npos) {
    std::size_t letters = 0;
    while (letters < normalized.size() && isUpper(normalized[letters])) ++letters;
    if (letters > 0 && letters < normalized.size() &&
        normalized.substr(letters).find_first_not_of("0123456789") == std::string_view::npos)
      return tokenError("hla.unknown_antigen",
                        QT_TRANSLATE_NOOP("dd::hla", "'%1' is not a recognised serological antigen."), original);
    if (parseLocus(normalized))
      return tokenError("hla.malformed",
                        QT_TRANSLATE_NOOP("dd::hla", "'%1' names a locus but no allele (expected e.g. %1*02:01)."), original);
    return tokenError("hla.malformed",
                      QT_TRANSLATE_NOOP("dd::hla", "'%1' is not an HLA typing (expected e.g. A*02:01, A2 or A*02:XX)."), original);
  }
  const std::string_view locusPart = normalized.substr(0, star);
  const auto locus = parseLocus(locusPart);
  if (!locus)
    return tokenError("hla.unknown_locus", QT_TRANSLATE_NOOP("dd::hla", "'%1': %2 is not an HLA gene."), original,
                      {std::string(locusPart)});
  std::string_view fields = normalized.substr(star + 1);
  if (fields.ends_with(":XX") && fields.find(':') + 3 == fields.size()) fields.remove_suffix(3);  // "A*99:XX": a first field this release lacks
  const auto parsed = parseFields(*locus, fields, "NLSCAQGPg");
  if (!parsed)
    return tokenError("hla.malformed_allele",
                      QT_TRANSLATE_NOOP("dd::hla", "'%1' is not a valid allele name: after '*' come 1 to 4 fields of 2 or more digits separated by ':', optionally ending in N, L, S, C, A or Q."),
                      original);
  if (parsed->suffix == 'G' || parsed->suffix == 'P' || parsed->suffix == 'g')
    return tokenError("hla.unknown_group", QT_TRANSLATE_NOOP("dd::hla", "'%1' is not a group name of IPD-IMGT/HLA %2."),
                      original, {n_.release()});
  return tokenError("hla.unknown_allele", QT_TRANSLATE_NOOP("dd::hla", "'%1' is not an allele of IPD-IMGT/HLA %2."),
                    original, {n_.release()});
}

}  // namespace dd::hla
