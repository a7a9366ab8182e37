import Foundation

/// The cells a counting pass has parsed, by item and bytes, shared by its parts: each part meets
/// again the names, codes, years and amounts the parts before it met, and parsing a cell (Japanese
/// text, as a string) costs a hundred times more than finding it here.
///
/// Parts are read on two threads: a lock guards the cells, taken only for a cell new to a part.
/// Free text and identifiers, which seldom repeat, are not kept; past a number of cells or bytes
/// of an item, new ones are parsed and not kept, so memory stays bounded.
///
/// Unchecked Sendable: every access holds the lock.
final class ParsedCells: @unchecked Sendable {
  private let lock = NSLock()
  private var texts: [ByteInterner]
  private var parsed: [[(value: Value, diagnostics: [Diagnostic])]]
  private let keeps: [Bool]

  /// Room for the cells of each of `items`.
  init(items: [Item]) {
    texts = items.map { _ in ByteInterner(entryLimit: 1 << 13, arenaLimit: 256 << 10) }
    parsed = items.map { _ in [] }
    keeps = items.map { $0.kind != .text && $0.kind != .identifier }
  }

  /// The value and diagnostics of item `item`'s cell `bytes`, parsed before, or nil.
  func find(item: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> (value: Value, diagnostics: [Diagnostic])? {
    guard keeps[item] else { return nil }
    lock.lock()
    defer { lock.unlock() }
    return texts[item].find(bytes).map { parsed[item][Int($0.payload)] }
  }

  /// Keeps what item `item`'s cell `bytes` parsed to (with diagnostics as first placed).
  func keep(item: Int, _ bytes: UnsafeBufferPointer<UInt8>, value: Value, diagnostics: [Diagnostic]) {
    guard keeps[item] else { return }
    lock.lock()
    defer { lock.unlock() }
    guard texts[item].find(bytes) == nil,
      texts[item].add(bytes, payload: UInt64(parsed[item].count)) != nil
    else { return }
    parsed[item].append((value, diagnostics))
  }
}
