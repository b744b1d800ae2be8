#pragma once
// An open-addressing hash table from name text to a small record, built once
// at load time. Keys live in one arena string; a lookup hashes the text once
// and compares in place, so resolving a token costs no allocation.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace dd::hla::detail {

inline std::uint64_t hashText(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a, good enough for short names
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return h ^ (h >> 29);
}

template <class Value>
class FlatIndex {
 public:
  // Makes room for `count` keys without rehashing during the inserts.
  void reserve(std::size_t count) {
    std::size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    if (capacity > slots_.size()) rehash(capacity);
  }

  // Inserts or returns the existing value for key. Call reserve() first with
  // an upper bound of the number of keys.
  Value& operator[](std::string_view key) {
    if (size_ * 2 >= slots_.size()) grow();
    const std::uint64_t h = hashText(key);
    std::size_t i = static_cast<std::size_t>(h) & mask_;
    for (;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.length == 0) {
        slot.hash = h;
        slot.offset = static_cast<std::uint32_t>(keys_.size());
        slot.length = static_cast<std::uint32_t>(key.size());
        keys_.append(key);
        ++size_;
        return slot.value;
      }
      if (slot.hash == h && keyOf(slot) == key) return slot.value;
    }
  }

  const Value* find(std::string_view key) const {
    if (slots_.empty() || key.empty()) return nullptr;
    const std::uint64_t h = hashText(key);
    for (std::size_t i = static_cast<std::size_t>(h) & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.length == 0) return nullptr;
      if (slot.hash == h && keyOf(slot) == key) return &slot.value;
    }
  }

  std::size_t size() const { return size_; }
  std::size_t memoryBytes() const { return slots_.capacity() * sizeof(Slot) + keys_.capacity(); }

  template <class F>
  void forEach(F&& f) const {
    for (const Slot& slot : slots_)
      if (slot.length != 0) f(keyOf(slot), slot.value);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;  // 0 = empty (keys are never empty)
    Value value{};
  };
  std::string_view keyOf(const Slot& slot) const { return std::string_view(keys_).substr(slot.offset, slot.length); }
  void grow() { rehash(slots_.empty() ? 16 : slots_.size() * 2); }
  void rehash(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.length == 0) continue;
      std::size_t i = static_cast<std::size_t>(slot.hash) & mask_;
      while (slots_[i].length != 0) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace dd::hla::detail
