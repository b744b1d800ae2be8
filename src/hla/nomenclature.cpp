#include "hla/nomenclature.h"

#include <algorithm>

#include "hla/nomenclature_builder.h"
#include "hla/typing_engine.h"

namespace dd::hla {

Nomenclature::Nomenclature() : index_(std::make_unique<Index>()) {}
Nomenclature::Nomenclature(Nomenclature&&) noexcept = default;
Nomenclature& Nomenclature::operator=(Nomenclature&&) noexcept = default;
Nomenclature::~Nomenclature() = default;

dd::Expected<std::shared_ptr<Nomenclature>> Nomenclature::load(const std::filesystem::path& releaseDir) {
  auto raw = detail::readRelease(releaseDir);
  if (!raw) return raw.error();
  std::shared_ptr<Nomenclature> n(new Nomenclature());
  NomenclatureBuilder builder(*raw, *n);
  if (dd::Status built = builder.build(); !built) return built.error();
  return n;
}

void Nomenclature::setMacTable(MacTable table) { mac_ = std::move(table); }

std::size_t Nomenclature::alleleCount(Locus locus) const {
  const auto l = static_cast<std::size_t>(locus);
  return index_->locusBegin[l + 1] - index_->locusBegin[l];
}

AlleleId Nomenclature::findAllele(std::string_view name) const {
  Token token;
  TypingEngine engine(*this);
  std::vector<dd::Message> renamed;  // a renamed or deleted name is not a current name
  if (!engine.resolve(name, token, &renamed) || token.kind != TokenKind::Allele || !renamed.empty()) return kNoAllele;
  return token.entry->begin;
}

AntigenId Nomenclature::findAntigen(std::string_view name) const {
  Token token;
  TypingEngine engine(*this);
  if (!engine.resolve(name, token, nullptr) || !token.entry) return kNoAntigen;
  return token.entry->antigen;
}

bool Nomenclature::isAssociated(AntigenId s) const {
  return s < index_->antigenIsAssociated.size() && index_->antigenIsAssociated[s] != 0;
}

std::span<const AntigenId> Nomenclature::splitsOf(AntigenId s) const {
  return {splitList_.data() + splitOffset_[s], splitOffset_[s + 1] - splitOffset_[s]};
}

dd::Status Nomenclature::reduceInto(std::string_view gl, Level level, std::string& out,
                                    std::vector<dd::Message>* warnings, ReduceOptions options) const {
  TypingEngine engine(*this);
  const std::string_view text = TypingEngine::trim(gl);
  if (text.empty())
    return dd::makeError("hla.empty", "dd::hla", QT_TRANSLATE_NOOP("dd::hla", "The typing is empty."));
  const std::size_t start = out.size();
  dd::Status status = engine.forEachList(
      text,
      [&](std::string_view list) {
        return engine.reduceList(list, level, out, warnings, options.strictNulls);
      },
      [&](char op) { out += op; });
  if (!status) out.resize(start);
  return status;
}

dd::Expected<std::string> Nomenclature::reduce(std::string_view gl, Level level,
                                               std::vector<dd::Message>* warnings,
                                               ReduceOptions options) const {
  std::string out;
  if (dd::Status s = reduceInto(gl, level, out, warnings, options); !s) return s.error();
  return out;
}

dd::Expected<ValidatedTyping> Nomenclature::validate(std::string_view text, std::optional<Locus> expectedLocus) const {
  TypingEngine engine(*this);
  ValidatedTyping result;
  const std::string_view gl = TypingEngine::trim(text);
  if (gl.empty()) return dd::makeError("hla.empty", "dd::hla", QT_TRANSLATE_NOOP("dd::hla", "The typing is empty."));
  bool first = true, singleLocus = true, serologyOnly = true;
  Token token;
  dd::Status status = engine.forEachList(
      gl,
      [&](std::string_view list) {
        return TypingEngine::forEachToken(list, [&](std::string_view raw) -> dd::Status {
          TypingEngine::clearScratch();
          if (dd::Status s = engine.resolve(raw, token, &result.warnings); !s) return s;
          if (expectedLocus && token.locus != *expectedLocus)
            return dd::makeError("hla.wrong_locus", "dd::hla",
                                 QT_TRANSLATE_NOOP("dd::hla", "'%1' is a typing of %2, but this field is for %3."),
                                 {std::string(raw), std::string(locusName(token.locus)),
                                  std::string(locusName(*expectedLocus))},
                                 std::string(raw));
          if (first) result.locus = token.locus;
          else if (result.locus != token.locus) singleLocus = false;
          serologyOnly &= token.kind == TokenKind::Serology || token.kind == TokenKind::Epitope;
          if (!first && result.normalized.back() != '/' && !TypingEngine::isListOperator(result.normalized.back()))
            result.normalized += '/';
          result.normalized += token.canonical();
          first = false;
          return {};
        });
      },
      [&](char op) { result.normalized += op; });
  if (!status) return status.error();
  if (!singleLocus) result.locus.reset();
  result.serologyOnly = serologyOnly;
  return result;
}

dd::Status Nomenclature::expandSlot(std::string_view text, Locus slot, std::vector<AlleleId>& out, SlotInfo* info,
                                    std::vector<dd::Message>* warnings) const {
  TypingEngine engine(*this);
  const std::string_view list = TypingEngine::trim(text);
  if (list.empty()) return dd::makeError("hla.empty", "dd::hla", QT_TRANSLATE_NOOP("dd::hla", "The typing is empty."));
  for (char c : list)
    if (TypingEngine::isListOperator(c))
      return dd::makeError("hla.not_one_slot", "dd::hla",
                           QT_TRANSLATE_NOOP("dd::hla", "'%1' describes more than one allele slot (it contains '%2'); enter one slot at a time."),
                           {std::string(list), std::string(1, c)}, std::string(list));
  const std::size_t start = out.size();
  SlotInfo summary;
  summary.serologyOnly = true;
  Token token;
  dd::Status status = TypingEngine::forEachToken(list, [&](std::string_view raw) -> dd::Status {
    TypingEngine::clearScratch();
    if (dd::Status s = engine.resolve(raw, token, warnings); !s) return s;
    if (token.locus != slot)
      return dd::makeError("hla.wrong_locus", "dd::hla",
                           QT_TRANSLATE_NOOP("dd::hla", "'%1' is a typing of %2, but this field is for %3."),
                           {std::string(raw), std::string(locusName(token.locus)), std::string(locusName(slot))},
                           std::string(raw));
    if (token.kind == TokenKind::Epitope)
      return dd::makeError("hla.epitope", "dd::hla",
                           QT_TRANSLATE_NOOP("dd::hla", "'%1' is a public epitope, not the typing of one locus; it has no alleles to reduce."),
                           {std::string(token.canonical())}, std::string(token.canonical()));
    const std::size_t before = out.size();
    engine.forEachAllele(token, [&](AlleleId a) { out.push_back(a); });
    if (out.size() == before)
      return dd::makeError("hla.no_alleles", "dd::hla",
                           QT_TRANSLATE_NOOP("dd::hla", "No allele of IPD-IMGT/HLA %2 is assigned to '%1'."),
                           {std::string(token.canonical()), release_}, std::string(token.canonical()));
    summary.serologyOnly &= token.kind == TokenKind::Serology;
    ++summary.tokens;
    return {};
  });
  if (!status) {
    out.resize(start);
    return status;
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(start), out.end());
  out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(start), out.end()), out.end());
  for (std::size_t i = start; i < out.size(); ++i) summary.hasNull |= !expressed(out[i]);
  if (info) *info = summary;
  return {};
}

std::optional<Level> parseLevel(std::string_view text) {
  for (int i = 0; i <= static_cast<int>(Level::exp); ++i)
    if (levelName(static_cast<Level>(i)) == text) return static_cast<Level>(i);
  return std::nullopt;
}

std::string_view levelName(Level level) {
  static constexpr std::string_view names[] = {"G", "P", "lg", "lgx", "S", "U2", "W", "exp"};
  return names[static_cast<std::size_t>(level)];
}

}  // namespace dd::hla
