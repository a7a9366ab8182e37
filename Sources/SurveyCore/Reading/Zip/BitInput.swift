/// DEFLATE's compressed bytes, read from their least significant bit, a chunk at a time.
struct BitInput {
  private var chunk: [UInt8] = []
  private var index = 0
  private var next: () throws(InflateFailure) -> [UInt8]?
  private var exhausted = false
  /// Why the input ended early, when reading it failed.
  private var failure: InflateFailure?
  /// Up to 64 bits not yet used, the next in the lowest bit.
  private var buffer: UInt64 = 0
  private var count = 0

  /// Bits from the chunks `next` hands out, nil after the last.
  init(next: @escaping () throws(InflateFailure) -> [UInt8]?) {
    self.next = next
  }

  /// Loads whole bytes into the buffer while it has room (at least 57 bits unless the input ended).
  mutating func fill() {
    while count <= 56 {
      while index == chunk.count {
        guard refill() else { return }
      }
      buffer |= UInt64(chunk[index]) << UInt64(count)
      index += 1
      count += 8
    }
  }

  /// Whether another chunk was read; at the end (or a failure to read) none will be.
  private mutating func refill() -> Bool {
    guard !exhausted else { return false }
    do {
      guard let more = try next() else {
        exhausted = true
        return false
      }
      chunk = more
      index = 0
      return true
    } catch {
      failure = error
      exhausted = true
      return false
    }
  }

  /// The next `width` bits without using them: zeros past the end of the input.
  func peek(_ width: Int) -> UInt64 {
    buffer & (1 << UInt64(width) - 1)
  }

  /// Uses `width` bits already looked at.
  mutating func drop(_ width: Int) throws(InflateFailure) {
    guard width <= count else { throw failure ?? .truncated }
    buffer >>= UInt64(width)
    count -= width
  }

  /// The next `width` bits (at most 32) as a number, first bit lowest.
  mutating func bits(_ width: Int) throws(InflateFailure) -> UInt64 {
    if count < width { fill() }
    let value = peek(width)
    try drop(width)
    return value
  }

  /// Skips to the next byte boundary, as a stored block's header does.
  mutating func alignToByte() {
    buffer >>= UInt64(count % 8)
    count -= count % 8
  }

  /// Copies `length` whole bytes (after `alignToByte`) to the start of `output`.
  mutating func copyBytes(_ length: Int, to output: UnsafeMutableBufferPointer<UInt8>) throws(InflateFailure)
  {
    var left = length
    var written = 0
    while left > 0, count >= 8 {
      output[written] = UInt8(truncatingIfNeeded: buffer)
      written += 1
      buffer >>= 8
      count -= 8
      left -= 1
    }
    while left > 0 {
      if index == chunk.count {
        guard refill() else { throw failure ?? .truncated }
        continue
      }
      let take = min(left, chunk.count - index)
      for offset in 0..<take { output[written + offset] = chunk[index + offset] }
      written += take
      index += take
      left -= take
    }
  }
}
